// Package charts turns chart specifications into safe, deterministic ECharts
// option objects for the theme's script to draw.
//
// Options are built with go-echarts but emitted here with encoding/json,
// never through go-echarts' own templates: those write options into a
// <script> with HTML escaping off (a CSV cell holding "</script>" would run in
// the reader's browser), turn "__f__" markers into JavaScript functions, use
// random chart ids and load ECharts from another host. encoding/json escapes
// <, > and &, every label stays a string, ids are given by the caller, and the
// page carries the options as data (<script type="application/json">) that
// the site's own script reads — no inline executable script anywhere.
package charts
