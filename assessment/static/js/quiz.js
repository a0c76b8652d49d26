// Saves each answer as it is given; keeps unsent answers on the phone until the connection returns.
(function () {
  "use strict";
  var form = document.getElementById("quiz");
  if (!form) { return; }
  var d = form.dataset;
  var attemptId = form.elements.attempt_id.value;
  var storeKey = "unsent-answers-" + attemptId;
  var pending = {};
  try { pending = JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { pending = {}; }
  var timers = {};
  var acknowledged = {};  // question -> the values the server last said it saved, as JSON
  var connection = document.getElementById("connection");
  var retryDelay = 2000;

  function fieldsetOf(id) { return document.getElementById("question-" + id); }

  function valuesOf(id) {
    var inputs = fieldsetOf(id).querySelectorAll("input");
    var values = [];
    inputs.forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox")) {
        if (input.checked) { values.push(input.value); }
      } else if (input.value.trim() !== "") { values.push(input.value); }
    });
    return values;
  }

  function setState(id, cls, text) {
    var el = fieldsetOf(id).querySelector(".save-state");
    el.className = "save-state " + cls;
    el.textContent = text;
  }

  function remember() {
    try { localStorage.setItem(storeKey, JSON.stringify(pending)); } catch (e) { /* private mode */ }
  }

  function showConnection(ok) {
    connection.className = "connection " + (ok ? "online" : "offline");
    connection.textContent = ok ? d.textOnline : d.textOffline;
    if (ok) { setTimeout(function () { if (!Object.keys(pending).length) { connection.textContent = ""; } }, 2500); }
  }

  function updateProgress() {
    var sets = form.querySelectorAll("fieldset.question");
    var answered = 0;
    sets.forEach(function (fs) { if (valuesOf(fs.dataset.question).length) { answered += 1; } });
    var bar = document.querySelector("#progress progress");
    bar.value = answered;
    document.getElementById("progress-text").textContent =
      d.textAnswered.replace("{n}", answered).replace("{total}", sets.length);
  }

  function send(id) {
    var values = pending[id];
    if (values === undefined) { return; }
    var body = new URLSearchParams();
    body.append("csrf_token", form.elements.csrf_token.value);
    body.append("attempt_id", attemptId);
    body.append("question", id);
    values.forEach(function (v) { body.append("value", v); });
    setState(id, "saving", d.textSaving);
    fetch(d.saveUrl, { method: "POST", body: body, credentials: "same-origin",
                       headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .then(function (result) {
        if (result.data.saved) {
          acknowledged[id] = JSON.stringify(values);
          if (JSON.stringify(pending[id]) === acknowledged[id]) { delete pending[id]; }
          remember();
          setState(id, "saved", d.textSaved);
          retryDelay = 2000;
          if (connection.classList.contains("offline") && !Object.keys(pending).length) { showConnection(true); }
        } else if (result.data.closed) {
          pending = {}; remember();
          alert(result.data.message);
          window.location.reload();
        } else {
          setState(id, "failed", result.data.message || d.textFailed);
        }
      })
      .catch(function () {
        setState(id, "failed", d.textFailed);
        showConnection(false);
        scheduleRetry();
      });
  }

  var retryTimer = null;
  function scheduleRetry() {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () {
      retryTimer = null;
      retryDelay = Math.min(retryDelay * 2, 30000);
      flush();
    }, retryDelay);
  }

  function flush() { Object.keys(pending).forEach(send); }

  function changed(event) {
    var fs = event.target.closest("fieldset.question");
    if (!fs) { return; }
    var id = fs.dataset.question;
    var values = valuesOf(id);
    // leaving a text box fires "change" for what its typing already saved: nothing to send
    if (pending[id] === undefined && acknowledged[id] === JSON.stringify(values)) { return; }
    pending[id] = values;
    remember();
    updateProgress();
    clearTimeout(timers[id]);
    var delay = event.target.type === "text" ? 700 : 0;
    timers[id] = setTimeout(function () { send(id); }, delay);
  }

  function restoreUnsent() {
    Object.keys(pending).forEach(function (id) {
      var fs = fieldsetOf(id);
      if (!fs) { delete pending[id]; return; }
      fs.querySelectorAll("input").forEach(function (input) {
        if (input.type === "radio" || input.type === "checkbox") {
          input.checked = pending[id].indexOf(input.value) !== -1;
        } else { input.value = pending[id][0] || ""; }
      });
    });
    remember();
    updateProgress();
    flush();
  }

  form.addEventListener("change", changed);
  form.addEventListener("input", function (event) { if (event.target.type === "text") { changed(event); } });
  form.addEventListener("submit", function (event) {
    if (!navigator.onLine) {
      event.preventDefault();
      showConnection(false);
    }
  });
  window.addEventListener("online", function () { showConnection(true); flush(); });
  window.addEventListener("offline", function () { showConnection(false); });
  restoreUnsent();
}());
