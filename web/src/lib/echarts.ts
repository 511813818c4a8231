// The parts of ECharts the UI draws with, registered once. Import this module only
// dynamically (`await import('@/lib/echarts')`), so that ECharts stays out of the
// first page and loads with the first chart.
import { init, use } from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer])

export { init }
