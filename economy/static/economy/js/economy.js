// Draws the economy page's charts from the JSON embedded in the page; the tables hold the same numbers.
(function () {
  var el = document.getElementById("economy-chart-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var animation = reduce ? false : {};
  Chart.defaults.font.family = "IBM Plex Sans, Arial, sans-serif";
  var colors = ["#6b2e8f", "#0059b3", "#358000", "#b35900", "#767676"];
  var months = document.getElementById("chart-months");
  if (months) {
    var sets = d.series.map(function (s, i) {
      return { type: "bar", label: s.label, data: s.data, backgroundColor: colors[i % colors.length], stack: "gross" };
    });
    sets.push({ type: "line", label: d.net_label, data: d.net, borderColor: "#1a1a1a", backgroundColor: "#1a1a1a" });
    new Chart(months, {
      data: { labels: d.month_labels, datasets: sets },
      options: { animation: animation, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
  }
  var savings = document.getElementById("chart-savings");
  if (savings) {
    new Chart(savings, {
      data: { labels: d.saving_labels, datasets: [
        { type: "bar", label: d.saving_label, data: d.saving, backgroundColor: "#0059b3" },
        { type: "line", label: d.odense_label, data: d.saving_labels.map(function () { return d.odense; }),
          borderColor: "#767676", backgroundColor: "#767676", borderDash: [4, 4], pointRadius: 0 }
      ] },
      options: { animation: animation, scales: { y: { beginAtZero: true } } }
    });
  }
  var payback = document.getElementById("chart-payback");
  if (payback) {
    new Chart(payback, {
      data: { labels: d.payback_labels, datasets: [
        { type: "line", label: d.cum_saving_label, data: d.cum_saving, borderColor: "#358000", backgroundColor: "#358000" },
        { type: "line", label: d.cum_support_label, data: d.cum_support, borderColor: "#b35900", backgroundColor: "#b35900", borderDash: [6, 3] }
      ] },
      options: { animation: animation, scales: { y: { beginAtZero: true } } }
    });
  }
})();
