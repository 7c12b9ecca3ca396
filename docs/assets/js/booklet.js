/* The booklet runs without Material's JavaScript. Material's inline script in <head> already
 * applies a colour scheme the reader chose on another page; this follows the device's dark mode
 * when they have not chosen one, as Material's palette would. */
(function () {
  "use strict";
  var stored = typeof __md_get === "function" && __md_get("__palette");
  if (stored || !window.matchMedia("(prefers-color-scheme: dark)").matches) {
    return;
  }
  var option = document.querySelector("[data-md-color-media='(prefers-color-scheme: dark)']");
  if (!option) {
    return;
  }
  ["scheme", "primary", "accent"].forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, option.getAttribute("data-md-color-" + key));
  });
})();
