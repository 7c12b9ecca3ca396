/* Exercise sheet builder (handouts/sheet-builder.html, runnersback/render/sheet_builder.py).

   Without this script the page shows every exercise, ready to print. With it, a form picks the
   exercises, their doses, a note and a review date; the sheet below shows only those, and the
   page's address keeps the exercises, doses and review date (after "#", so a bookmark reopens the
   same sheet and nothing typed is sent to a server). The note, which may be about a patient, is
   never written to the address: not into the browser's history, not into a bookmark. Everything is in the page itself: it works from disk and offline.
   Text from the form and the address is only ever written with textContent. */
(function () {
  "use strict";
  var form = document.getElementById("sheet-form");
  var sheet = document.getElementById("sheet");
  if (!form || !sheet) return;

  var NUMBERS = ["sets", "reps", "hold", "times"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var SIGNS_LAST_UP_TO = 2;  // exercises that always fit one sheet with the warning signs after them
  var groupsBox = sheet.querySelector(".sheet__groups");
  var flagsTitle = sheet.querySelector(".sheet__flags-title");
  var flagsBox = sheet.querySelector(".handout__flags");
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

  // The exercises and their doses (what differs from the usual) as address parameters: what a
  // saved programme and a shared link hold. toAddress adds the review date, never the note.
  function programmeParams(state) {
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
    return params;
  }

  function toAddress(state) {
    var params = programmeParams(state);
    if (state.review) params.set("review", state.review);
    return params.toString();
  }

  function fromAddress() {
    fill(new URLSearchParams(location.hash.slice(1)));
  }

  // Sets the form from address parameters (checked: known exercises, whole numbers in range, a
  // real date); returns how many picks named no exercise of this page.
  function fill(params) {
    var picked = (params.get("pick") || "").split(",").filter(Boolean);
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
    var known = exercises.map(function (e) { return e.id; });
    return picked.filter(function (id) { return known.indexOf(id) === -1; }).length;
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
    // How many cards: the printed sheet sets up to three side by side (sheet-builder.css). Two fit
    // one sheet with the warning signs after them. Three of the longest cards with the clinic's
    // header full run on to a second US Letter sheet, and four or more may on any paper, so from
    // three the warning signs come first: on the first sheet, with the disclaimer and address.
    sheet.setAttribute("data-count", String(state.picks.length));
    var before = state.picks.length > SIGNS_LAST_UP_TO ? groupsBox : null;
    if (flagsTitle.nextElementSibling !== flagsBox || (before ? flagsBox.nextElementSibling !== before
                                                              : flagsBox.nextElementSibling !== null)) {
      sheet.insertBefore(flagsTitle, before);
      sheet.insertBefore(flagsBox, before);
    }
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

  // What this browser keeps for the page (localStorage): the clinic's details and logo, and the
  // saved programmes. A private window or a browser with storage off or full refuses it, or throws
  // on any use: each use says whether it worked, and the form says so rather than fail.
  var store = {
    get: function (key) { try { return localStorage.getItem(key); } catch (e) { return null; } },
    set: function (key, value) {
      try { localStorage.setItem(key, value); return true; } catch (e) { return false; }
    }
  };
  var storageWorks = store.set("runnersback.check", "1");
  try { localStorage.removeItem("runnersback.check"); } catch (e) { /* as above */ }
  var NOT_KEPT = "This browser is not keeping anything for this page (a private window, or storage " +
                 "turned off or full).";
  // Direction overrides and isolates, and control characters, go from any name typed in.
  function cleanText(text, max) {
    return String(text || "").replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, "")
      .replace(/[\u0000-\u001F\u007F]/g, " ").replace(/\s+/g, " ").trim().slice(0, max);
  }

  // The clinic's details: kept in this browser only (never in the address, never sent), shown in
  // the sheet's header. Defaults come from the page (the site's configuration).
  var CLINIC_KEY = "runnersback.clinic";
  var clinicInputs = form.querySelectorAll("[data-clinic]");
  var clinicStatus = document.getElementById("clinic-status");
  var stored = null;
  try { stored = JSON.parse(store.get(CLINIC_KEY) || "null"); } catch (e) { stored = null; }
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
      if (!store.set(CLINIC_KEY, JSON.stringify(saved)) && !clinicStatus.textContent) {
        clinicStatus.textContent = NOT_KEPT + " The details print on this sheet only.";
      }
      showClinic();
    });
    input.addEventListener("change", function (event) { event.stopPropagation(); });
  });
  showClinic();

  // The clinic's logo: a PNG or JPEG read here (never sent), drawn smaller on a canvas (at most
  // data-max-width by data-max-height pixels) and kept as a data: address, which the page's policy
  // allows for pictures. The site's configured logo (data-default) shows until one is chosen;
  // "Remove the logo" keeps an empty one.
  var LOGO_KEY = "runnersback.clinic.logo";
  var LOGO = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+\/=]+$/;
  var logoInput = document.getElementById("clinic-logo");
  var logoRemove = document.getElementById("clinic-logo-remove");
  // The page holds the logo's <img> only when mkdocs.yml sets one (an <img> needs a src); a logo
  // chosen here makes it, before the clinic's details.
  var logoImage = document.getElementById("sheet-logo");
  var defaultLogo = logoImage ? logoImage.getAttribute("data-default") : "";
  function showLogo(src) {
    if (src && !logoImage) {
      logoImage = document.createElement("img");
      logoImage.className = "sheet__logo";
      logoImage.id = "sheet-logo";
      logoImage.alt = "";
      var details = document.getElementById("sheet-clinic");
      details.parentNode.insertBefore(logoImage, details);
    }
    if (logoImage) {
      if (src) logoImage.setAttribute("src", src); else logoImage.removeAttribute("src");
      logoImage.hidden = !src;
    }
    logoRemove.hidden = !src;
  }
  function sayClinic(text) { clinicStatus.textContent = text; }
  var storedLogo = store.get(LOGO_KEY);
  showLogo(storedLogo === "" || LOGO.test(storedLogo || "") ? storedLogo : defaultLogo);
  logoRemove.addEventListener("click", function () {
    showLogo("");
    logoInput.focus();
    sayClinic(store.set(LOGO_KEY, "") ? "Logo removed." : "Logo removed from this sheet. " + NOT_KEPT);
  });
  logoInput.addEventListener("change", function (event) {
    event.stopPropagation();  // not part of the sheet's address
    var file = logoInput.files && logoInput.files[0];
    logoInput.value = "";
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type) && !/\.(png|jpe?g)$/i.test(file.name)) {
      sayClinic("Choose a PNG or JPEG picture.");
      return;
    }
    if (file.size > 20 * 1024 * 1024) {
      sayClinic("That picture is too big. Choose one under 20 MB.");
      return;
    }
    var reader = new FileReader();
    reader.onerror = function () { sayClinic("That file could not be read."); };
    reader.onload = function () {
      var picture = new Image();
      picture.onerror = function () { sayClinic("That file is not a picture this browser can show."); };
      picture.onload = function () {
        var scale = Math.min(1, Number(logoInput.getAttribute("data-max-width")) / picture.naturalWidth,
                             Number(logoInput.getAttribute("data-max-height")) / picture.naturalHeight);
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(picture.naturalWidth * scale));
        canvas.height = Math.max(1, Math.round(picture.naturalHeight * scale));
        var context = canvas.getContext("2d");
        context.drawImage(picture, 0, 0, canvas.width, canvas.height);
        var data = canvas.toDataURL("image/png");
        if (data.length > 150000) {  // a photograph: smaller as JPEG, on white like the paper
          context.globalCompositeOperation = "destination-over";
          context.fillStyle = "#ffffff";
          context.fillRect(0, 0, canvas.width, canvas.height);
          data = canvas.toDataURL("image/jpeg", 0.85);
        }
        showLogo(data);
        sayClinic(store.set(LOGO_KEY, data) ? "Logo added. It prints at the top of the sheet."
                                            : "Logo added to this sheet. " + NOT_KEPT);
      };
      picture.src = reader.result;
    };
    reader.readAsDataURL(file);
  });

  // Saved programmes: exercises and doses (never the note or the review date) under a name, kept in
  // this browser as [{name, sheet}], sheet being the address parameters of programmeParams. Opened,
  // they go through the same checks as an address; shared, they are a link to this page with them.
  var PROGRAMMES_KEY = "runnersback.programmes";
  var list = document.getElementById("programme-list");
  var noneYet = document.getElementById("programme-none");
  var nameInput = document.getElementById("programme-name");
  var nameMax = nameInput.maxLength > 0 ? nameInput.maxLength : 60;
  var saying = document.getElementById("programme-status");
  var shareBox = document.getElementById("programme-share");
  var linkInput = document.getElementById("programme-link");
  var renaming = -1;
  function say(text) { saying.textContent = text; }
  function quoted(name) { return "\u201C" + name + "\u201D"; }
  function sheetOnly(text) {
    var params = new URLSearchParams(text);
    params.delete("note");
    params.delete("review");
    return params;
  }
  function pickCount(programme) {
    var n = (sheetOnly(programme.sheet).get("pick") || "").split(",").filter(Boolean).length;
    return n + (n === 1 ? " exercise" : " exercises");
  }
  function programmes() {
    var found;
    try { found = JSON.parse(store.get(PROGRAMMES_KEY) || "[]"); } catch (e) { found = []; }
    return (Array.isArray(found) ? found : []).filter(function (p) {
      return p && typeof p.name === "string" && typeof p.sheet === "string" && cleanText(p.name, nameMax);
    });
  }
  function keep(all) {
    all.sort(function (a, b) { return a.name.localeCompare(b.name); });
    return store.set(PROGRAMMES_KEY, JSON.stringify(all));
  }
  function sameName(all, name, except) {
    for (var i = 0; i < all.length; i++) {
      if (i !== except && all[i].name.toLowerCase() === name.toLowerCase()) return i;
    }
    return -1;
  }
  function indexOfName(all, name) { return sameName(all, name, -1); }
  function button(text, name, act) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sheet-form__small";
    b.setAttribute("data-act", act);
    b.textContent = text;
    // "Open Sciatica, first week": each button names its programme to a screen reader, its
    // visible word first (so speech control finds it by that word).
    if (name) b.setAttribute("aria-label", text + " " + name);
    return b;
  }
  function listProgrammes(focus) {
    var all = programmes();
    list.textContent = "";
    all.forEach(function (p, i) {
      var item = document.createElement("li");
      item.setAttribute("data-index", String(i));
      if (i === renaming) {
        var label = document.createElement("label");
        label.htmlFor = "programme-rename";
        label.textContent = "New name for " + quoted(p.name);
        var input = document.createElement("input");
        input.type = "text";
        input.id = "programme-rename";
        input.maxLength = nameMax;
        input.autocomplete = "off";
        input.value = p.name;
        item.append(label, input, button("Save the name", "", "rename-save"),
                    button("Cancel", "", "rename-cancel"));
      } else {
        var title = document.createElement("span");
        title.className = "sheet-form__programme";
        title.textContent = p.name;
        var count = document.createElement("span");
        count.className = "sheet-form__count";
        count.textContent = " (" + pickCount(p) + ")";
        var actions = document.createElement("span");
        actions.className = "sheet-form__actions-row";
        actions.append(button("Open", p.name, "open"), button("Rename", p.name, "rename"),
                       button("Share link", p.name, "share"), button("Delete", p.name, "delete"));
        item.append(title, count, actions);
      }
      list.appendChild(item);
    });
    list.hidden = all.length === 0;
    noneYet.hidden = all.length > 0;
    if (!storageWorks) noneYet.textContent = NOT_KEPT + " Programmes cannot be saved here; bookmark " +
                                             "the page instead, as its address keeps this sheet.";
    if (focus) (list.querySelector(focus) || nameInput).focus();
  }
  function openProgramme(p) {
    var missing = fill(sheetOnly(p.sheet));  // the note and review date empty: a new person's sheet
    update();
    say("Opened " + quoted(p.name) + ": " + pickCount(p) + ". The note and review date are empty." +
        (missing ? " " + missing + " of its exercises are no longer on this site and were left out." : ""));
  }
  function share(p) {
    linkInput.value = location.href.split("#")[0] + "#" + sheetOnly(p.sheet).toString();
    shareBox.hidden = false;
    linkInput.focus();
    linkInput.select();
    var ready = "Link to " + quoted(p.name) + " below: the exercises and doses only, not the note.";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(linkInput.value).then(function () { say(ready + " Copied."); },
                                                          function () { say(ready + " Copy it."); });
    } else {
      say(ready + " Copy it.");
    }
  }
  function renameSave(all, i) {
    var input = document.getElementById("programme-rename");
    var name = cleanText(input.value, nameMax);
    if (!name) { say("Type a new name."); input.focus(); return; }
    if (sameName(all, name, i) !== -1) {
      say("Another programme is called " + quoted(name) + ". Choose another name.");
      input.focus();
      return;
    }
    var old = all[i].name;
    all[i].name = name;
    if (!keep(all)) { say(NOT_KEPT + " The name was not changed."); return; }
    renaming = -1;  // the list is sorted by name: the renamed one may move
    listProgrammes('li[data-index="' + indexOfName(all, name) + '"] [data-act=rename]');
    say("Renamed " + quoted(old) + " to " + quoted(name) + ".");
  }
  list.addEventListener("click", function (event) {
    var b = event.target.closest("button");
    if (!b) return;
    var all = programmes();
    var i = Number(b.closest("li").getAttribute("data-index"));
    var p = all[i];
    if (!p) return;
    var act = b.getAttribute("data-act");
    if (act === "open") openProgramme(p);
    else if (act === "share") share(p);
    else if (act === "rename") { renaming = i; listProgrammes("#programme-rename"); say(""); }
    else if (act === "rename-cancel") {
      renaming = -1;
      listProgrammes('li[data-index="' + i + '"] [data-act=rename]');
    } else if (act === "rename-save") renameSave(all, i);
    else if (act === "delete") {
      if (!window.confirm("Delete the programme " + quoted(p.name) + "? This cannot be undone.")) return;
      all.splice(i, 1);
      if (!keep(all)) { say(NOT_KEPT + " The programme was not deleted."); return; }
      renaming = -1;
      shareBox.hidden = true;
      listProgrammes('li[data-index="' + Math.min(i, all.length - 1) + '"] [data-act=open]');
      say("Deleted " + quoted(p.name) + ".");
    }
  });
  list.addEventListener("keydown", function (event) {
    if (event.target.id !== "programme-rename") return;
    if (event.key === "Enter") { event.preventDefault(); renameSave(programmes(), renaming); }
    if (event.key === "Escape") {
      event.preventDefault();
      var i = renaming;
      renaming = -1;
      listProgrammes('li[data-index="' + i + '"] [data-act=rename]');
    }
  });
  function saveProgramme() {
    var state = readForm();
    var name = cleanText(nameInput.value, nameMax);
    if (!state.picks.length) { say("Tick at least one exercise first, then save."); return; }
    if (!name) { say("Type a name for the programme first."); nameInput.focus(); return; }
    var all = programmes();
    var found = indexOfName(all, name);
    if (found !== -1 && !window.confirm("Replace the saved programme " + quoted(all[found].name) + "?")) return;
    var entry = {name: name, sheet: programmeParams(state).toString()};
    if (found === -1) all.push(entry); else all[found] = entry;
    if (!keep(all)) {
      say(NOT_KEPT + " The programme was not saved; bookmark the page instead, as its address keeps this sheet.");
      return;
    }
    nameInput.value = "";
    renaming = -1;
    listProgrammes();
    say("Saved " + quoted(name) + ": " + pickCount(entry) + ", with their doses. The note is not saved.");
  }
  document.getElementById("programme-save").addEventListener("click", saveProgramme);
  nameInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter") { event.preventDefault(); saveProgramme(); }
  });
  // Saved in another tab: the list follows.
  window.addEventListener("storage", function (event) {
    if (event.key === PROGRAMMES_KEY || event.key === null) listProgrammes();
  });
  listProgrammes();

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
