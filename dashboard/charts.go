package dashboard

import (
	"encoding/json"
	"fmt"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// assetsHost points go-echarts at the ECharts copy the binary serves, not
// its default CDN: the dashboard works with no internet access.
const assetsHost = "/static/vendor/"

// chart is one chart on a page: its ECharts options as JSON, which the
// template puts in a data attribute (escaped there) and static/charts.js
// draws; Summary says in words what it shows, for screen readers.
type chart struct {
	ID, Summary string
	Options     string
}

// series is one named line or bar.
type series struct {
	Name   string
	Values []float64
}

// band is a shaded range around a line, such as a confidence interval.
type band struct {
	Name   string
	Lo, Hi []float64
}

func baseOpts(title, yName string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{AssetsHost: assetsHost, Width: "100%", Height: "320px"}),
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "28"}),
		charts.WithGridOpts(opts.Grid{Top: "70", Left: "50", Right: "20", Bottom: "30"}),
		charts.WithYAxisOpts(opts.YAxis{Name: yName}),
		charts.WithAnimation(false),
	}
}

// lineChart draws lines over x, with an optional band (drawn as the lower
// edge and the width stacked on it).
func lineChart(id, title, yName, summary string, x []string, lines []series, b *band) chart {
	l := charts.NewLine()
	l.SetGlobalOptions(baseOpts(title, yName)...)
	var legend []string
	if b != nil {
		legend = append(legend, b.Name)
	}
	for _, s := range lines {
		legend = append(legend, s.Name)
	}
	// The band's lower edge is drawn but not named in the legend.
	l.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "28", Data: legend}))
	l.SetXAxis(x)
	if b != nil {
		width := make([]float64, len(b.Lo))
		for i := range b.Lo {
			width[i] = b.Hi[i] - b.Lo[i]
		}
		l.AddSeries(b.Name+" (low)", lineData(b.Lo), charts.WithLineChartOpts(opts.LineChart{Stack: "band", ShowSymbol: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}))
		l.AddSeries(b.Name, lineData(width), charts.WithLineChartOpts(opts.LineChart{Stack: "band", ShowSymbol: opts.Bool(false)}),
			charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}), charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.25)}))
	}
	for _, s := range lines {
		l.AddSeries(s.Name, lineData(s.Values))
	}
	return toChart(id, summary, l)
}

// barChart draws bars over x.
func barChart(id, title, yName, summary string, x []string, bars []series) chart {
	bc := charts.NewBar()
	bc.SetGlobalOptions(baseOpts(title, yName)...)
	bc.SetXAxis(x)
	for _, s := range bars {
		data := make([]opts.BarData, len(s.Values))
		for i, v := range s.Values {
			data[i] = opts.BarData{Value: round2(v)}
		}
		bc.AddSeries(s.Name, data)
	}
	return toChart(id, summary, bc)
}

func lineData(v []float64) []opts.LineData {
	out := make([]opts.LineData, len(v))
	for i, x := range v {
		out[i] = opts.LineData{Value: round2(x)}
	}
	return out
}

func round2(v float64) float64 { return float64(int64(v*100+0.5*sign(v))) / 100 }

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// optionsSource is what go-echarts charts have in common.
type optionsSource interface {
	Validate()
	JSON() map[string]any
}

func toChart(id, summary string, c optionsSource) chart {
	c.Validate()
	raw, err := json.Marshal(c.JSON())
	if err != nil {
		raw = []byte(fmt.Sprintf(`{"title":{"text":%q}}`, "chart unavailable"))
	}
	return chart{ID: id, Summary: summary, Options: string(raw)}
}

// sparkline is a small line without axes or legend, for tables.
func sparkline(id, summary string, values []int) chart {
	l := charts.NewLine()
	l.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{AssetsHost: assetsHost, Width: "100%", Height: "60px"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Top: "5", Left: "5", Right: "5", Bottom: "5"}),
		charts.WithXAxisOpts(opts.XAxis{Show: opts.Bool(false)}),
		charts.WithYAxisOpts(opts.YAxis{Show: opts.Bool(false)}),
		charts.WithAnimation(false),
	)
	x := make([]string, len(values))
	data := make([]opts.LineData, len(values))
	for i, v := range values {
		x[i] = fmt.Sprintf("week %d", i+1)
		data[i] = opts.LineData{Value: v}
	}
	l.SetXAxis(x)
	l.AddSeries("tickets", data, charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)}))
	c := toChart(id, summary, l)
	return c
}
