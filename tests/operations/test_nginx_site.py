"""The nginx site file a city copies (deploy/nginx/assessment.conf) is one nginx accepts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


@pytest.mark.skipif(not NGINX or not shutil.which("openssl"),
                    reason="needs nginx and openssl (.ci/topology-deps.sh)")
def test_the_city_site_file_passes_nginx_t(tmp_path):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=quiz.city.example", "-keyout", str(tmp_path / "site.key"),
                    "-out", str(tmp_path / "site.pem")], check=True, capture_output=True)
    site = (ROOT / "deploy" / "nginx" / "assessment.conf").read_text()
    site = (site.replace("/opt/assessment", str(ROOT))
            .replace("/etc/ssl/certs/quiz.city.example.pem", str(tmp_path / "site.pem"))
            .replace("/etc/ssl/private/quiz.city.example.key", str(tmp_path / "site.key")))
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events {}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {tmp_path}/body;\n"
        f"  include {tmp_path}/site.conf;\n}}\n")
    checked = subprocess.run([NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                              "-e", str(tmp_path / "error.log")], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr
