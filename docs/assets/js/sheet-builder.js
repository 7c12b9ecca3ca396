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

  // One entry per exercise, in the page's order: its checkbox, dose inputs (each starting from the
  // usual dose, data/exercises.yml) and card.
  var exercises = Array.prototype.map.call(form.querySelectorAll("input[name=pick]"), function (box) {
    var id = box.value;
    var item = sheet.querySelector('[data-exercise="' + id + '"]');
    var fields = document.getElementById("dose-" + id);
    var e = {id: id, box: box, item: item, dose: item.querySelector(".exercise-card__dose"), fields: fields,
             input: function (name) { return fields.querySelector("[name=" + name + "]"); }};
    e.usual = {per: e.input("per").getAttribute("data-usual") === "week" ? "week" : "day",
               side: e.input("side").getAttribute("data-usual") === "1"};
    NUMBERS.forEach(function (name) { e.usual[name] = e.input(name).getAttribute("data-usual") || ""; });
    return e;
  });

  function whole(value, input) {
    // A whole number within the input's own limits, or "" (so an address cannot inject anything).
    var n = Number(value);
    if (value === "" || value === null || value === undefined || !isFinite(n)) return "";
    n = Math.round(n);
    return String(Math.min(Number(input.max), Math.max(Number(input.min), n)));
  }

  function plural(n, word, high) {
    return (high ? n + " to " + high : n) + " " + word + (n === "1" && !high ? "" : "s");
  }

  // The dose in words: the same words as the pages (runnersback/model/exercises.dose_text). A range
  // or the build-up advice of the usual dose stays only while its number is the usual one.
  function doseText(e, d) {
    var usual = e.usual, data = e.fields.dataset;
    var repsUpTo = d.reps === usual.reps ? data.repsUpTo : "";
    var holdUpTo = d.hold === usual.hold ? data.holdUpTo : "";
    var buildUp = d.reps === usual.reps && d.sets === usual.sets ? data.buildUp || "" : "";
    var side = d.side ? " on each side" : "";
    var start = buildUp ? "start with " : "";
    var parts = [];
    if (d.hold) parts.push("hold " + plural(d.hold, "second", holdUpTo));
    var count = d.reps ? plural(d.reps, "repetition", repsUpTo) : "";
    if (d.sets) {
      parts.push(start + plural(d.sets, "set") + (count ? " of " + count : "") + side);
    } else if (count) {
      parts.push(start + count + side);
    } else if (side && parts.length) {
      parts[parts.length - 1] += side;
    }
    if (d.times) {
      var often = d.times === "1" ? "once" : d.times === "2" ? "twice" : d.times + " times";
      parts.push(often + " a " + d.per);
    }
    var sentences = parts.map(function (p) { return p.charAt(0).toUpperCase() + p.slice(1) + "."; });
    if (buildUp) sentences.push(buildUp);
    return sentences.join(" ");
  }

  function changedFields(e, d) {
    return NUMBERS.filter(function (name) { return d[name] !== e.usual[name]; })
      .concat(d.side !== e.usual.side ? ["side"] : [], d.per !== e.usual.per ? ["per"] : []);
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
      var d = {per: e.input("per").value === "week" ? "week" : "day", side: e.input("side").checked};
      NUMBERS.forEach(function (name) { d[name] = whole(e.input(name).value, e.input(name)); });
      state.doses[e.id] = d;
    });
    return state;
  }

  function toAddress(state) {
    var params = new URLSearchParams();
    if (state.picks.length) params.set("pick", state.picks.join(","));
    // Only what differs from the usual dose: an emptied field as "", "each side" as 1 or 0.
    exercises.forEach(function (e) {
      var d = state.doses[e.id];
      if (!d) return;
      changedFields(e, d).forEach(function (name) {
        params.set(e.id + "." + name, name === "side" ? (d.side ? "1" : "0") : d[name]);
      });
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
      var given = function (name) { return e.box.checked && params.has(e.id + "." + name); };
      NUMBERS.forEach(function (name) {
        e.input(name).value = given(name) ? whole(params.get(e.id + "." + name), e.input(name)) : e.usual[name];
      });
      e.input("side").checked = given("side") ? params.get(e.id + ".side") === "1" : e.usual.side;
      e.input("per").value = given("per") ? (params.get(e.id + ".per") === "week" ? "week" : "day")
                                          : e.usual.per;
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
      var d = picked ? state.doses[e.id] : e.usual;
      e.dose.textContent = doseText(e, d);
      e.dose.classList.toggle("exercise-card__dose--changed", picked && changedFields(e, d).length > 0);
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

  function update(event) {
    // Unticked, an exercise's dose goes back to the usual one.
    exercises.forEach(function (e) {
      if (e.box.checked || !event || event.target !== e.box) return;
      NUMBERS.forEach(function (name) { e.input(name).value = e.usual[name]; });
      e.input("side").checked = e.usual.side;
      e.input("per").value = e.usual.per;
    });
    var state = readForm();
    show(state);
    var address = toAddress(state);
    // replaceState: each change would otherwise add a step to the Back button's history.
    history.replaceState(history.state, "", address ? "#" + address : location.pathname + location.search);
  }

  // The clinic's details: kept in this browser only (never in the address, never sent), shown in
  // the sheet's header. Defaults come from the page (the site's configuration).
  var CLINIC_KEY = "runnersback.clinic";
  var clinicInputs = form.querySelectorAll("[data-clinic]");
  var stored = null;
  try { stored = JSON.parse(localStorage.getItem(CLINIC_KEY) || "null"); } catch (e) { stored = null; }
  function showClinic() {
    var any = false;
    Array.prototype.forEach.call(clinicInputs, function (input) {
      var value = input.value.replace(/[\u202A-\u202E\u2066-\u2069]/g, "").trim();
      sheet.querySelector('[data-clinic-show="' + input.getAttribute("data-clinic") + '"]').textContent = value;
      any = any || value !== "";
    });
    document.getElementById("sheet-clinic").hidden = !any;
  }
  Array.prototype.forEach.call(clinicInputs, function (input) {
    var key = input.getAttribute("data-clinic");
    if (stored && typeof stored[key] === "string") input.value = stored[key].slice(0, 80);
    input.addEventListener("input", function (event) {
      event.stopPropagation();  // not part of the sheet's address
      var saved = {};
      Array.prototype.forEach.call(clinicInputs, function (i) { saved[i.getAttribute("data-clinic")] = i.value; });
      try { localStorage.setItem(CLINIC_KEY, JSON.stringify(saved)); } catch (e) { /* private mode */ }
      showClinic();
    });
    input.addEventListener("change", function (event) { event.stopPropagation(); });
  });
  showClinic();

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
