/* Runner's Back: download search only when the reader asks for it.
 *
 * Material starts its search worker and downloads the whole search index on every page load: about
 * 40 KB gzip and a busy main thread on a cheap phone, for a box most readers never open. This file
 * runs just before Material's bundle and holds both back until the reader opens search (tap or click
 * on the box, the "/" key), or arrives with a search in the address (?q=).
 * Search then starts as before: Material shows "Initializing search" while the index loads.
 *
 * It changes no Material code, only two browser APIs, and only for search's own two files:
 *  - XMLHttpRequest.send for search/search_index.json (how Material fetches the index over http);
 *  - new Worker(...) for Material's search worker, which is created on its first message (the index).
 * From disk (file://) Material already waits for the search box before it loads the index.
 */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js$/;

  var opened = false;
  var waiting = [];

  function openSearch() {
    if (!opened) {
      opened = true;
      waiting.splice(0).forEach(function (start) { start(); });
    }
  }

  function whenSearchOpens(start) {
    if (opened) {
      start();
    } else {
      waiting.push(start);
    }
  }

  function pathOf(url) {
    return new URL(String(url), location.href).pathname;
  }

  // The reader asks for search: Material's toggle is switched on, or focus enters the search form.
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) {
      openSearch();
    }
  }, true);
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest("form[name=search]")) {
      openSearch();
    }
  }, true);
  var params = new URLSearchParams(location.search);
  if (params.has("q")) {
    openSearch();
  }

  // The index: opened at once (Material keeps the request), sent when search opens.
  var xhrOpen = XMLHttpRequest.prototype.open;
  var xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.rbDeferUntilSearch = INDEX.test(pathOf(url));
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this;
    var args = arguments;
    if (!xhr.rbDeferUntilSearch) {
      return xhrSend.apply(xhr, args);
    }
    whenSearchOpens(function () { xhrSend.apply(xhr, args); });
  };

  // The worker: a stand-in that Material can listen to, which starts the real one on first use.
  // On file:// the real one is the iframe-worker shim, loaded just before this file.
  var RealWorker = window.Worker;
  if (!RealWorker) {
    return;
  }
  window.Worker = function (url, options) {
    if (!SEARCH_WORKER.test(pathOf(url))) {
      return new RealWorker(url, options);
    }
    var standIn = new EventTarget();
    var worker = null;
    standIn.postMessage = function (message, transfer) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        worker.addEventListener("error", function (event) {
          standIn.dispatchEvent(new ErrorEvent("error", { message: event.message, error: event.error }));
        });
      }
      worker.postMessage(message, transfer || []);
    };
    standIn.terminate = function () {
      if (worker) {
        worker.terminate();
      }
    };
    return standIn;
  };
})();
