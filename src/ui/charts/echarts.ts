// Only the parts of ECharts the app uses, to keep the bundle small. Loaded by Chart when the first
// chart mounts (a chunk of its own): the pages' figures and tables do not wait for it, and the option
// builders take their shared settings from chartStyle.ts, which does not pull ECharts in.
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  BrushComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  BrushComponent,
  MarkAreaComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export { echarts };
