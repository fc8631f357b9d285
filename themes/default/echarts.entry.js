// The ECharts the theme ships: only the chart types and components the
// site's charts use (see generator/internal/charts), bundled from the
// pinned npm package by `npm run build` (make theme runs it) into
// node_modules/.build/echarts.min.js, which theme.toml copies into the site
// as assets/vendor/echarts.min.js. The charts draw as SVG (site.js); the
// canvas renderer is there for images. A chart that needs another type or
// component adds it here.
import * as echarts from "echarts/core";
import { BarChart, LineChart, TreemapChart } from "echarts/charts";
import {
  AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent,
  MarkPointComponent, TitleComponent, ToolboxComponent, TooltipComponent,
} from "echarts/components";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart, LineChart, TreemapChart,
  AriaComponent, GraphicComponent, GridComponent, LegendComponent, MarkLineComponent,
  MarkPointComponent, TitleComponent, ToolboxComponent, TooltipComponent,
  CanvasRenderer, SVGRenderer,
]);

// The same file runs in two places. On the page (window) it is the library
// site.js draws live charts with, once a reader points at one. In a Web
// Worker (site.js starts one when a chart comes near the screen) it draws
// each chart as SVG text off the page's main thread, with ECharts'
// server-side renderer, so a phone shows the chart without the page
// freezing while ECharts starts; site.js puts the text in the page.
if (typeof window !== "undefined") {
  window.echarts = echarts;
} else if (typeof self !== "undefined" && typeof postMessage === "function") {
  if (typeof OffscreenCanvas !== "undefined") {
    // Text is measured as the page would measure it, not estimated.
    echarts.setPlatformAPI({ createCanvas: function () { return new OffscreenCanvas(1, 1); } });
  }
  self.onmessage = function (e) {
    var job = e.data;
    var chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: job.width, height: job.height });
    try {
      chart.setOption(job.options);
      self.postMessage({ id: job.id, width: job.width, svg: chart.renderToSVGString() });
    } catch (err) {
      self.postMessage({ id: job.id, error: String(err) });
    } finally {
      chart.dispose();
    }
  };
}
