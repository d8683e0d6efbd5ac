// Draws every chart on the page from the ECharts options the server put in
// its data-options attribute (no inline script, so a strict CSP holds).
(function () {
  "use strict";
  function draw() {
    document.querySelectorAll("div.chart[data-options]").forEach(function (el) {
      var chart = echarts.init(el, null, { renderer: "canvas" });
      var options = JSON.parse(el.getAttribute("data-options"));
      // Tooltips drawn on the canvas: no HTML built from data, and no inline
      // styles for the Content-Security-Policy to block.
      if (options.tooltip) { options.tooltip.renderMode = "richText"; }
      chart.setOption(options);
      el.setAttribute("data-drawn", "true");
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
