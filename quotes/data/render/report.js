// Hover (or keyboard focus) on a highlighted passage: show every quote it belongs to, and light up
// all parts of those quotes (content, speaker, cue). Text goes in through textContent only.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("quote-data").textContent);
  var tip = document.createElement("div");
  tip.id = "tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var lit = [];
  var FIELDS = [["type", "type"], ["label", "corpus label"], ["speaker_id", "speaker_id"], ["speaker", "speaker"],
    ["cue", "cue"], ["addressee", "addressee"], ["confidence", "confidence"], ["trace", "trace"], ["status", "status"], ["note", "note"]];

  function quotesAt(el) {
    var ids = [];
    for (var e = el; e && e !== document.body; e = e.parentElement) {
      if (e.dataset && e.dataset.q) {
        e.dataset.q.split(" ").forEach(function (id) { if (ids.indexOf(id) < 0 && data[id]) ids.push(id); });
      }
    }
    return ids;
  }

  function describe(id) {
    var q = data[id], box = document.createElement("div"), dl = document.createElement("dl");
    box.className = "quote";
    FIELDS.forEach(function (f) {
      var v = q[f[0]];
      if (v === null || v === undefined || v === "") return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = f[1];
      dd.textContent = String(v);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
    return box;
  }

  function light(ids) {
    lit.forEach(function (e) { e.classList.remove("lit"); });
    lit = [];
    ids.forEach(function (id) {
      document.querySelectorAll('[data-q~="' + id + '"]').forEach(function (e) { e.classList.add("lit"); lit.push(e); });
    });
  }

  function place(x, y) {
    var w = tip.offsetWidth, h = tip.offsetHeight;
    tip.style.left = Math.max(4, Math.min(x + 14, window.innerWidth - w - 8)) + "px";
    tip.style.top = (y + 18 + h > window.innerHeight ? Math.max(4, y - h - 12) : y + 18) + "px";
  }

  function show(target, x, y) {
    var ids = quotesAt(target);
    light(ids);
    if (!ids.length) { tip.hidden = true; return; }
    tip.replaceChildren.apply(tip, ids.map(describe));
    tip.hidden = false;
    place(x, y);
  }

  document.addEventListener("mouseover", function (ev) { show(ev.target, ev.clientX, ev.clientY); });
  document.addEventListener("mousemove", function (ev) { if (!tip.hidden) place(ev.clientX, ev.clientY); });
  document.addEventListener("focusin", function (ev) {
    var r = ev.target.getBoundingClientRect();
    show(ev.target, r.left, r.bottom - 10);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { tip.hidden = true; light([]); } });
})();
