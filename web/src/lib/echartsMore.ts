// The further parts of ECharts the dashboards draw with (lines, rings, legends),
// registered on top of lib/echarts.ts. Import it only dynamically, like lib/echarts.ts:
// pages with a plain bar chart never download it.
import { use } from 'echarts/core'
import { LineChart, PieChart } from 'echarts/charts'
import { LegendComponent } from 'echarts/components'

use([LineChart, PieChart, LegendComponent])

export { init } from './echarts'
