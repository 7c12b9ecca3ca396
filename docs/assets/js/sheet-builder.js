/* Exercise sheet builder (handouts/sheet-builder.html, runnersback/render/sheet_builder.py).

   Without this script the page shows every exercise, ready to print. With it, a form picks the
   exercises, their doses, a note and a review date; the sheet below shows only those, and the
   page's address keeps them (after "#", so a bookmark reopens the same sheet and nothing typed is
   sent to a server). Everything is in the page itself: it works from disk and offline.
   Text from the form and the address is only ever written with textContent. */
(function () {
  "use strict";
  var form = document.getElementById("sheet-form");
  var sheet = document.getElementById("sheet");
  if (!form || !sheet) return;

  var NUMBERS = ["sets", "reps", "hold", "times"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var noteInput = document.getElementById("sheet-note-input");
  var reviewInput = document.getElementById("sheet-review-input");
  var noteMax = noteInput.maxLength > 0 ? noteInput.maxLength : 200;
  var NOTE_LINES = Number(noteInput.getAttribute("data-max-lines")) || 3;

  // One entry per exercise, in the page's order: its checkbox, dose inputs and card.
  var exercises = Array.prototype.map.call(form.querySelectorAll("input[name=pick]"), function (box) {
    var id = box.value;
    var item = sheet.querySelector('[data-exercise="' + id + '"]');
    var dose = item.querySelector(".exercise-card__dose");
    var fields = document.getElementById("dose-" + id);
    return {id: id, box: box, item: item, dose: dose, usual: dose.textContent, fields: fields,
            input: function (name) { return fields.querySelector("[name=" + name + "]"); }};
  });

  function whole(value, input) {
    // A whole number within the input's own limits, or "" (so an address cannot inject anything).
    var n = Number(value);
    if (value === "" || value === null || !isFinite(n)) return "";
    n = Math.round(n);
    return String(Math.min(Number(input.max), Math.max(Number(input.min), n)));
  }

  function doseText(d) {
    var parts = [];
    var reps = d.reps ? d.reps + (d.reps === "1" ? " repetition" : " repetitions") : "";
    if (d.sets) {
      parts.push(d.sets + (d.sets === "1" ? " set" : " sets") + (reps ? " of " + reps : ""));
    } else if (reps) {
      parts.push(reps);
    }
    if (d.hold) parts.push("Hold each for " + d.hold + (d.hold === "1" ? " second" : " seconds"));
    if (d.times) {
      var times = d.times === "1" ? "Once" : d.times === "2" ? "Twice" : d.times + " times";
      parts.push(times + " a " + (d.per === "week" ? "week" : "day"));
    }
    return parts.map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1) + "."; }).join(" ");
  }

  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return "";
    return Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1];
  }

  // The note as the sheet shows it: what it holds cannot break the sheet. Direction overrides and
  // isolates (which could make printed text read backwards) and control characters go; spaces run
  // together; blank lines collapse; lines after the last allowed one join it; then the length.
  function cleanNote(text) {
    var lines = String(text || "")
      .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, "")
      .replace(/\r\n?/g, "\n")
      .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, " ")
      .replace(/[^\S\n]+/g, " ")
      .split("\n")
      .map(function (line) { return line.trim(); })
      .filter(function (line) { return line !== ""; });
    if (lines.length > NOTE_LINES) {
      lines = lines.slice(0, NOTE_LINES - 1).concat(lines.slice(NOTE_LINES - 1).join(" "));
    }
    return lines.join("\n").slice(0, noteMax);
  }

  function readForm() {
    var state = {picks: [], doses: {}, note: cleanNote(noteInput.value),
                 review: longDate(reviewInput.value) ? reviewInput.value : ""};
    exercises.forEach(function (e) {
      if (!e.box.checked) return;
      state.picks.push(e.id);
      var d = {per: e.input("per").value === "week" ? "week" : "day"};
      NUMBERS.forEach(function (name) { d[name] = whole(e.input(name).value, e.input(name)); });
      state.doses[e.id] = d;
    });
    return state;
  }

  function toAddress(state) {
    var params = new URLSearchParams();
    if (state.picks.length) params.set("pick", state.picks.join(","));
    state.picks.forEach(function (id) {
      var d = state.doses[id];
      NUMBERS.forEach(function (name) { if (d[name]) params.set(id + "." + name, d[name]); });
      if (d.times && d.per === "week") params.set(id + ".per", "week");
    });
    if (state.note) params.set("note", state.note);
    if (state.review) params.set("review", state.review);
    return params.toString();
  }

  function fromAddress() {
    var params = new URLSearchParams(location.hash.slice(1));
    var picked = (params.get("pick") || "").split(",");
    exercises.forEach(function (e) {
      e.box.checked = picked.indexOf(e.id) !== -1;
      NUMBERS.forEach(function (name) {
        e.input(name).value = e.box.checked ? whole(params.get(e.id + "." + name), e.input(name)) : "";
      });
      e.input("per").value = params.get(e.id + ".per") === "week" ? "week" : "day";
    });
    noteInput.value = cleanNote(params.get("note"));
    var review = params.get("review") || "";
    reviewInput.value = longDate(review) ? review : "";
  }

  function show(state) {
    exercises.forEach(function (e) {
      var picked = state.picks.indexOf(e.id) !== -1;
      e.item.hidden = !picked;
      e.fields.hidden = !picked;
      var changed = picked ? doseText(state.doses[e.id]) : "";
      e.dose.textContent = changed || e.usual;
      e.dose.classList.toggle("exercise-card__dose--changed", Boolean(changed));
    });
    Array.prototype.forEach.call(sheet.querySelectorAll("[data-group]"), function (group) {
      group.hidden = !group.querySelector("[data-exercise]:not([hidden])");
    });
    document.getElementById("sheet-empty").hidden = state.picks.length > 0;
    document.getElementById("sheet-note").textContent = state.note;
    document.getElementById("sheet-note").parentNode.hidden = !state.note;
    document.getElementById("sheet-review").textContent = longDate(state.review);
    document.getElementById("sheet-review").parentNode.hidden = !state.review;
  }

  function update() {
    var state = readForm();
    show(state);
    var address = toAddress(state);
    // replaceState: each change would otherwise add a step to the Back button's history.
    history.replaceState(history.state, "", address ? "#" + address : location.pathname + location.search);
  }

  fromAddress();
  show(readForm());
  form.hidden = false;
  document.querySelector(".sheet-builder__nojs").hidden = true;
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  document.getElementById("sheet-print").addEventListener("click", function () { window.print(); });
  // A bookmark opened on this page (or an address pasted in) changes only the hash.
  window.addEventListener("hashchange", function () { fromAddress(); show(readForm()); });
})();
