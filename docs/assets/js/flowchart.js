/* Runner's Back: the flowchart, one question at a time (progressive enhancement, no library).
 *
 * Without this script every step and every outcome is on the page and the answers are plain links to
 * anchors. With it, only the current step (or outcome) shows. The current step is the URL hash
 * (#step-3, #outcome-sciatica), so answers stay ordinary links and the browser's Back button works.
 * The path taken is kept in history.state, so "Back" survives a reload. Print shows the chart only.
 */
(function () {
  "use strict";

  function init() {
    var root = document.querySelector("[data-fc]");
    if (!root || root.classList.contains("fc--js") || document.getElementById("print-site-page")) {
      return; // not the flowchart page (or the print-everything booklet, which shows it all)
    }
    var items = Array.prototype.slice.call(root.querySelectorAll(".fc-step, .fc-outcome"));
    if (!items.length) {
      return;
    }
    var byId = {};
    // A step's anchor is on its list item, an outcome's on its heading.
    function key(el) {
      return el.id || (el.querySelector("h2[id], h3[id]") || {}).id || "";
    }
    items.forEach(function (el) { byId[key(el)] = el; });
    var start = root.getAttribute("data-fc-start") || key(items[0]);
    if (!byId[start]) {
      return;
    }
    var trail = [];
    var depth = 0;

    var controls = document.createElement("div");
    controls.className = "fc-controls";
    var back = document.createElement("button");
    back.type = "button";
    back.textContent = "Back";
    var restart = document.createElement("button");
    restart.type = "button";
    restart.textContent = "Start over";
    controls.appendChild(back);
    controls.appendChild(restart);
    root.appendChild(controls);
    root.classList.add("fc--js");

    function hashId() {
      var id = "";
      try {
        id = decodeURIComponent(location.hash.slice(1));
      } catch (e) {
        id = "";
      }
      return Object.prototype.hasOwnProperty.call(byId, id) ? id : null;
    }

    function show(id, focus) {
      items.forEach(function (el) { el.hidden = el !== byId[id]; });
      back.disabled = trail.length < 2;
      controls.hidden = id === start;
      if (focus) {
        var heading = byId[id].querySelector("h2, h3");
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
        // Scroll only when the new question's top is not in the upper part of the screen already:
        // scrolling up makes the theme's "Back to top" button cover the heading.
        var top = byId[id].getBoundingClientRect().top;
        if (top < 64 || top > window.innerHeight * 0.4) {
          byId[id].scrollIntoView({ block: "start" });
        }
      }
    }

    // history.state holds the path to this entry (fcTrail) and how many flowchart entries of this
    // visit lie behind it (fcDepth), so Back goes to the previous question, never off the page.
    function saved() {
      var state = history.state;
      return state && typeof state === "object" && state.fcTrail ? state : null;
    }

    function remember() {
      var state = history.state && typeof history.state === "object" ? history.state : {};
      var copy = {};
      Object.keys(state).forEach(function (key) { copy[key] = state[key]; });
      copy.fcTrail = trail.slice();
      copy.fcDepth = depth;
      history.replaceState(copy, "");
    }

    function onHashChange() {
      var id = location.hash ? hashId() : start;
      var state = saved();
      if (!id) {
        // Another anchor on the page (#chart, a heading's permalink). Back to such an entry: the step
        // kept there when the reader arrived on it (history.replaceState below), on the first press.
        if (state) {
          trail = state.fcTrail.slice();
          depth = state.fcDepth || 0;
          var last = trail[trail.length - 1];
          if (byId[last] && byId[last].hidden) {
            show(last, true);
          }
        } else {
          remember(); // a new anchor entry keeps the step on screen, for when Back returns to it
        }
        return;
      }
      if (state && state.fcTrail[state.fcTrail.length - 1] === id) {
        trail = state.fcTrail.slice(); // Back or Forward to a place already visited
        depth = state.fcDepth || 0;
      } else {
        if (id === start) {
          trail = [start];
        } else if (trail.length > 1 && trail[trail.length - 2] === id) {
          trail.pop();
        } else {
          trail.push(id);
        }
        depth += 1;
        remember();
      }
      show(id, true);
    }

    back.addEventListener("click", function () {
      if (trail.length < 2) {
        return;
      }
      if (depth > 0) {
        history.back();
      } else {
        location.hash = trail[trail.length - 2]; // arrived straight at a step: step back in the page
      }
    });
    restart.addEventListener("click", function () {
      if (location.hash === "#" + start) {
        trail = [start];
        remember();
        show(start, true);
      } else {
        location.hash = start;
      }
    });
    window.addEventListener("hashchange", onHashChange);

    var first = hashId();
    var state = saved();
    depth = 0;
    if (first && state && state.fcTrail[state.fcTrail.length - 1] === first) {
      trail = state.fcTrail.slice();
      depth = state.fcDepth || 0;
    } else {
      trail = first && first !== start ? [start, first] : [start];
      remember();
    }
    show(first || start, Boolean(first));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
