"""Merge Thai translations into the catalogue: `python tools/translate.py FILE.py...`.

Each FILE defines a dict TH of English msgid -> Thai. Entries already translated
in messages.po are kept unless a FILE gives a new text. Run `make translations`
afterwards to compile.
"""

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

PO = Path(__file__).resolve().parent.parent / "assessment/translations/th/LC_MESSAGES/messages.po"


def main(files: list[str]) -> None:
    translations = {}
    for name in files:
        translations.update(runpy.run_path(name)["TH"])
    with PO.open("rb") as handle:
        catalog = read_po(handle, locale="th")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        if message.id in translations:
            message.string = translations[message.id]
            message.flags.discard("fuzzy")
        elif not message.string:
            missing.append(message.id)
    with PO.open("wb") as handle:
        write_po(handle, catalog, width=100)
    for msgid in missing:
        print(f"untranslated: {msgid!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
