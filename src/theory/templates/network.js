// Draws every network of the page from the JSON in #theory-networks with vis-network.
// Tooltips are DOM elements filled with textContent: text from the data is never markup.
(function () {
  "use strict";
  var source = document.getElementById("theory-networks");
  if (!source || typeof vis === "undefined") { return; }
  var views = JSON.parse(source.textContent);
  var pending = views.length;

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

  function settled(name) {
    window.theorySettled[name] = true;
    pending -= 1;
    if (pending === 0) { document.documentElement.dataset.settled = "true"; }
  }

  window.networks = {};
  window.theorySettled = {};
  views.forEach(function (view) {
    var container = document.getElementById(view.container);
    var network = new vis.Network(container, { nodes: [], edges: [] }, view.options);
    window.networks[view.name] = network;
    if (!view.nodes.length) {
      settled(view.name);
    } else if (view.options.physics.enabled) {
      network.once("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false } });
        settled(view.name);
      });
    } else {
      network.once("afterDrawing", function () { settled(view.name); });
    }
    network.setData({
      nodes: new vis.DataSet(withTips(view.nodes)),
      edges: new vis.DataSet(withTips(view.edges))
    });
  });
  window.network = views.length ? window.networks[views[0].name] : null;

  // Printing changes the containers' size: redraw every network to fit its printed box.
  function refit() {
    Object.keys(window.networks).forEach(function (name) {
      var network = window.networks[name];
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
