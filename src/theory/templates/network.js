// Draws every network of the page from the JSON in #theory-networks with vis-network, and
// wires each one's search box, checkboxes and click-to-highlight.
// Tooltips are DOM elements filled with textContent: text from the data is never markup.
(function () {
  "use strict";
  var source = document.getElementById("theory-networks");
  if (!source || typeof vis === "undefined") { return; }
  var views = JSON.parse(source.textContent);
  var pending = views.length;
  var DIM = 0.15;

  function tip(text) {
    var element = document.createElement("div");
    element.className = "theory-tip";
    element.textContent = text;
    return element;
  }

  function withTips(items) {
    return items.map(function (item) {
      var copy = {};
      Object.keys(item).forEach(function (key) {
        if (key !== "tooltip") { copy[key] = item[key]; }
      });
      if (item.tooltip) { copy.title = tip(item.tooltip); }
      return copy;
    });
  }

  // The same folding as theory.names.normal_forms: case, accents, and the Danish letters
  // as one letter or as two ("ø": o, oe), spaces collapsed.
  var SINGLE = { "æ": "ae", "ø": "o", "å": "a", "ß": "ss" };
  var DOUBLE = { "æ": "ae", "ø": "oe", "å": "aa", "ß": "ss" };
  function fold(text, table) {
    var mapped = String(text).toLowerCase().replace(/[æøåß]/g, function (c) { return table[c]; });
    var plain = mapped.normalize("NFKD").replace(/\p{M}/gu, "");
    return plain.replace(/\\/g, "/").split(/\s+/).filter(Boolean).join(" ");
  }
  function matches(node, typed) {
    return (node.search || []).some(function (form) {
      return typed.some(function (t) { return t && form.indexOf(t) !== -1; });
    });
  }

  function settled(name) {
    if (window.theorySettled[name]) { return; }
    window.theorySettled[name] = true;
    pending -= 1;
    if (pending === 0) { document.documentElement.dataset.settled = "true"; }
  }

  // Dots with their label beside them (the change theory's activities and results), so
  // that every line leaves or reaches a dot on the side away from its label.
  function sideLabel(view, side) {
    return function (args) {
      var ctx = args.ctx, x = args.x, y = args.y, style = args.style;
      var node = view.nodes.get(args.id) || {};
      var font = node.font || {}, size = font.size || 14, r = style.size;
      var lines = String(node.label || "").split("\n"), height = size * 1.2;
      return {
        drawNode: function () {
          ctx.beginPath();
          ctx.arc(x, y, r, 0, 2 * Math.PI);
          ctx.fillStyle = style.color;
          ctx.fill();
          ctx.lineWidth = style.borderWidth;
          ctx.strokeStyle = style.borderColor;
          ctx.stroke();
        },
        drawExternalLabel: function () {
          ctx.font = (args.state.selected ? "bold " : "") + size + "px " + (font.face || "sans-serif");
          ctx.fillStyle = font.color || "#000000";
          ctx.textBaseline = "middle";
          ctx.textAlign = side === "left" ? "right" : "left";
          var x0 = side === "left" ? x - r - 6 : x + r + 6, y0 = y - height * (lines.length - 1) / 2, widest = 0;
          lines.forEach(function (line, i) {
            ctx.fillText(line, x0, y0 + i * height);
            widest = Math.max(widest, ctx.measureText(line).width);
          });
          view.extents[args.id] = {
            left: side === "left" ? x0 - widest : x - r, right: side === "left" ? x + r : x0 + widest,
            top: Math.min(y - r, y0 - height / 2), bottom: Math.max(y + r, y0 + height * (lines.length - 0.5))
          };
        },
        nodeDimensions: { width: 2 * r, height: 2 * r }
      };
    };
  }

  function prepare(view, items) {
    return items.map(function (item) {
      if (item.draw === "label-left" || item.draw === "label-right") {
        item.shape = "custom";
        item.ctxRenderer = sideLabel(view, item.draw === "label-left" ? "left" : "right");
      }
      return item;
    });
  }

  // A picture drawn at the width of its box (labels included), as tall as it needs to be.
  function fitWidth(view) {
    var network = view.network, ids = view.nodes.getIds();
    if (!ids.length) { return; }
    var box = null;
    ids.forEach(function (id) {
      if (view.nodes.get(id).hidden) { return; }
      var b = view.extents[id] || network.getBoundingBox(id);
      box = box ? { left: Math.min(box.left, b.left), right: Math.max(box.right, b.right),
                    top: Math.min(box.top, b.top), bottom: Math.max(box.bottom, b.bottom) } : b;
    });
    if (!box) { return; }
    var container = network.body.container, pad = 16;
    var width = container.clientWidth - 2 * pad;
    if (width <= 0 || box.right <= box.left || box.bottom <= box.top) { return; }  // not shown (printing)
    var scale = width / (box.right - box.left);
    var height = Math.max(420, Math.min(Math.round(scale * (box.bottom - box.top)) + 2 * pad, 2400));
    container.style.height = height + "px";
    network.setSize("100%", height + "px");
    scale = Math.min(scale, (height - 2 * pad) / (box.bottom - box.top));
    network.moveTo({ position: { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 },
                     scale: scale, animation: false });
  }

  // --- show and hide: focus areas and actor kinds --------------------------------------

  function applyFilters(view) {
    var hiddenAreas = {}, hiddenKinds = {};
    document.querySelectorAll('input[type=checkbox][data-view="' + view.name + '"]').forEach(function (box) {
      if (!box.checked) { (box.dataset.group === "kind" ? hiddenKinds : hiddenAreas)[box.dataset.id] = true; }
    });
    var hidden = {};
    view.nodes.forEach(function (node) {
      var areas = node.areas || [];
      var gone = (node.kind_iri !== undefined && hiddenKinds[node.kind_iri] === true) ||
                 (areas.length > 0 && areas.every(function (a) { return hiddenAreas[a] === true; }));
      if (gone) { hidden[node.id] = true; }
    });
    if (view.highlight === "neighbourhood") {  // an actor with only hidden activities goes too
      view.nodes.forEach(function (node) {
        if (node.kind !== "actor" || hidden[node.id]) { return; }
        var around = view.network.getConnectedNodes(node.id).filter(function (id) {
          return view.nodes.get(id).kind === "activity";
        });
        if (around.length && around.every(function (id) { return hidden[id]; })) { hidden[node.id] = true; }
      });
    }
    view.nodes.update(view.nodes.map(function (node) { return { id: node.id, hidden: hidden[node.id] === true }; }));
    view.hidden = hidden;
  }

  // --- find by name ------------------------------------------------------------------------

  function find(view, text, output) {
    var typed = [fold(text, SINGLE), fold(text, DOUBLE)];
    var found = typed[0] ? view.nodes.get({ filter: function (node) {
      return !(view.hidden && view.hidden[node.id]) && matches(node, typed);
    } }).map(function (node) { return node.id; }) : [];
    var network = view.network;
    network.selectNodes(found, false);
    if (found.length) {
      network.fit({ nodes: found, animation: false });
      if (network.getScale() > 1.2) {
        network.moveTo({ scale: 1.2, position: found.length === 1 ? network.getPosition(found[0]) : network.getViewPosition() });
      }
    }
    if (output) {
      var word = found.length === 0 ? output.dataset.none : found.length === 1 ? output.dataset.one : output.dataset.many;
      output.textContent = word.replace("{n}", String(found.length));
    }
    return found;
  }

  // --- click: the path to the impact, or the neighbourhood ------------------------------

  function around(view, start) {
    var nodes = {}, edges = {};
    nodes[start] = true;
    if (view.highlight === "path") {
      var queue = [start];
      while (queue.length) {
        var current = queue.shift();
        view.edges.forEach(function (edge) {
          if (edge.path && edge.from === current) {
            edges[edge.id] = true;
            if (!nodes[edge.to]) { nodes[edge.to] = true; queue.push(edge.to); }
          }
        });
      }
    } else {
      view.edges.forEach(function (edge) {
        if (edge.from === start || edge.to === start) {
          edges[edge.id] = true;
          nodes[edge.from] = true;
          nodes[edge.to] = true;
        }
      });
    }
    return { nodes: Object.keys(nodes).sort(), edges: Object.keys(edges).sort() };
  }

  function fade(colour) {
    var hex = String(colour || "#888888").replace("#", "");
    if (hex.length === 3) { hex = hex.split("").map(function (c) { return c + c; }).join(""); }
    var mixed = [0, 2, 4].map(function (i) {
      var c = parseInt(hex.substr(i, 2), 16);
      return Math.round(c + (255 - c) * (1 - DIM)).toString(16).padStart(2, "0");
    });
    return "#" + mixed.join("");
  }

  function highlight(view, start) {
    var lit = start === null ? null : around(view, start);
    var onNodes = {}, onEdges = {};
    if (lit) {
      lit.nodes.forEach(function (id) { onNodes[id] = true; });
      lit.edges.forEach(function (id) { onEdges[id] = true; });
    }
    view.nodes.update(view.nodes.map(function (node) {
      var dim = !!lit && !onNodes[node.id], original = view.looks[node.id];
      var colour = JSON.parse(JSON.stringify(original.color || {})), font = JSON.parse(JSON.stringify(original.font || {}));
      if (dim) {
        ["background", "border"].forEach(function (key) { if (colour[key]) { colour[key] = fade(colour[key]); } });
        if (font.color) { font.color = fade(font.color); }
      }
      return { id: node.id, dimmed: dim, color: colour, font: font };
    }));
    view.edges.update(view.edges.map(function (edge) {
      var colour = view.colours[edge.id] || {};
      var opacity = colour.opacity === undefined ? 1 : colour.opacity;
      return { id: edge.id, dimmed: !!lit && !onEdges[edge.id],
               color: { color: colour.color, opacity: !lit || onEdges[edge.id] ? opacity : DIM / 2 } };
    }));
    view.highlighted = lit;
    return lit;
  }

  // --- drawing -----------------------------------------------------------------------------

  window.networks = {};
  window.theoryViews = {};
  window.theorySettled = {};
  views.forEach(function (payload) {
    var container = document.getElementById(payload.container);
    var network = new vis.Network(container, { nodes: [], edges: [] }, payload.options);
    var view = {
      name: payload.name, network: network, highlight: payload.highlight, fit: payload.fit, hidden: {}, highlighted: null,
      nodes: null, edges: new vis.DataSet(withTips(payload.edges)), colours: {}, looks: {}, extents: {}
    };
    view.nodes = new vis.DataSet(prepare(view, withTips(payload.nodes)));
    payload.edges.forEach(function (edge) { view.colours[edge.id] = edge.color || {}; });
    payload.nodes.forEach(function (node) { view.looks[node.id] = { color: node.color, font: node.font }; });
    window.networks[payload.name] = network;
    window.theoryViews[payload.name] = view;
    if (!payload.nodes.length) {
      settled(payload.name);
    } else if (payload.options.physics.enabled) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        settled(payload.name);
      });
    } else {
      network.once("afterDrawing", function () {
        if (payload.fit === "width") { fitWidth(view); }
        settled(payload.name);
      });
    }
    network.setData({ nodes: view.nodes, edges: view.edges });
    network.on("click", function (params) {
      highlight(view, params.nodes.length ? params.nodes[0] : null);
    });
  });
  window.network = views.length ? window.networks[views[0].name] : null;
  window.theoryFind = function (name, text) { return find(window.theoryViews[name], text, null); };
  window.theoryHighlight = function (name, id) { return highlight(window.theoryViews[name], id); };

  document.querySelectorAll("form.search[data-view]").forEach(function (form) {
    var view = window.theoryViews[form.dataset.view];
    if (!view) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      find(view, form.querySelector("input[type=search]").value, form.querySelector("output"));
    });
  });
  document.querySelectorAll("input[type=checkbox][data-view]").forEach(function (box) {
    var view = window.theoryViews[box.dataset.view];
    if (view) { box.addEventListener("change", function () { applyFilters(view); }); }
  });

  // Printing changes the containers' size: redraw every network to fit its printed box.
  function refit() {
    Object.keys(window.theoryViews).forEach(function (name) {
      var view = window.theoryViews[name], network = view.network;
      if (network.body.container.offsetParent === null) { return; }  // hidden in print (the report prints pictures)
      if (view.fit === "width") { fitWidth(view); return; }
      network.setSize("100%", "100%");
      network.redraw();
      network.fit({ animation: false });
    });
  }
  window.addEventListener("beforeprint", refit);
  window.addEventListener("afterprint", refit);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    if (print.addEventListener) { print.addEventListener("change", refit); }
  }
})();
