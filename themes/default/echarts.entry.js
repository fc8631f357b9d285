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
window.echarts = echarts;
