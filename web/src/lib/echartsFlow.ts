// The Sankey chart of the talent flows between sectors, registered on top of
// lib/echarts.ts. Import it only dynamically, like lib/echarts.ts: only the office's
// flow page downloads it.
import { use } from 'echarts/core'
import { SankeyChart } from 'echarts/charts'

use([SankeyChart])

export { init } from './echarts'
