// Live counts on the event page and the projector's join screen: polls the progress
// endpoint every few seconds and writes the numbers into [data-count] elements.
(function () {
  "use strict";
  var root = document.querySelector("[data-progress-url]");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-progress-url");
  var INTERVAL = 3000;

  function put(name, value) {
    var nodes = document.querySelectorAll('[data-count="' + name + '"]');
    for (var i = 0; i < nodes.length; i++) {
      if (nodes[i].textContent !== String(value)) { nodes[i].textContent = String(value); }
    }
  }

  function cell(text, className) {
    var td = document.createElement("td");
    td.className = className;
    td.textContent = text;
    return td;
  }

  // the event page's list of people still answering, rebuilt from the poll
  function showAnswering(people) {
    var body = document.querySelector("[data-still-answering]");
    if (!body || !people) { return; }
    var rows = document.createDocumentFragment();
    people.forEach(function (person) {
      var row = document.createElement("tr");
      row.appendChild(cell(person.name, "person-name"));
      row.appendChild(cell(person.answered + " / " + person.total, "num"));
      rows.appendChild(row);
    });
    body.replaceChildren(rows);
    body.parentNode.hidden = people.length === 0;
    document.querySelector("[data-still-answering-none]").hidden = people.length > 0;
    put("still-answering", people.length);
  }

  function show(data) {
    showAnswering(data.still_answering);
    put("joined", data.joined);
    put("submitted", data.submitted);
    (data.phases || []).forEach(function (phase) {
      put(phase.kind + "-in_progress", phase.in_progress);
      put(phase.kind + "-submitted", phase.submitted);
    });
    var label = document.querySelector("[data-phase-label]");
    if (label && data.phase_label) { label.textContent = data.phase_label; }
    document.body.classList.remove("stale");
  }

  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store",
                 headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      })
      .then(show)
      .catch(function () { document.body.classList.add("stale"); })
      .then(function () { window.setTimeout(poll, INTERVAL); });
  }

  window.setTimeout(poll, INTERVAL);
})();
