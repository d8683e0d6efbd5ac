package dashboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/uptake/uptake/store"
)

// recordViolations keeps the page's Content-Security-Policy violations
// (an injected inline script or handler the policy blocked) in
// window.__violations, from before the page's own scripts run.
const recordViolations = `window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));`

// domReport describes the page as the browser built it: elements and
// attributes the templates never write (so injected), CSP violations, the
// body's text, and every chart's options as ECharts holds them.
const domReport = `(() => {
  const injected = [...document.querySelectorAll("img, svg, iframe, object, embed, b, i, script:not([src])")].map(e => e.outerHTML.slice(0, 120));
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) injected.push(el.tagName + " " + a.name);
      if (/^(href|src|action)$/.test(a.name) && /^\s*javascript:/i.test(a.value)) injected.push(el.tagName + " " + a.name + "=" + a.value);
    }
  }
  const charts = [...document.querySelectorAll("div.chart[data-options]")].map(el => {
    const inst = window.echarts ? echarts.getInstanceByDom(el) : null;
    const opt = inst ? inst.getOption() : {};
    return {
      id: el.id,
      parsed: JSON.parse(el.getAttribute("data-options")),
      legend: ((opt.legend || [])[0] || {}).data || [],
      series: (opt.series || []).map(s => s.name),
      axis: ((opt.xAxis || [])[0] || {}).data || [],
    };
  });
  return JSON.stringify({injected, violations: window.__violations || [], text: document.body.textContent, charts});
})()`

type chartReport struct {
	ID     string   `json:"id"`
	Parsed any      `json:"parsed"`
	Legend []any    `json:"legend"`
	Series []string `json:"series"`
	Axis   []any    `json:"axis"`
}

type pageReport struct {
	Injected   []string      `json:"injected"`
	Violations []string      `json:"violations"`
	Text       string        `json:"text"`
	Charts     []chartReport `json:"charts"`
}

// showTooltip shows the tooltip of chart id at its first point and
// returns the texts ECharts draws on its canvas (tooltips are drawn there,
// renderMode richText) and any element in the chart but its own divs and
// canvas.
const showTooltip = `((id) => {
  const el = document.getElementById(id);
  const chart = echarts.getInstanceByDom(el);
  chart.dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0});
  const texts = [];
  chart.getZr().storage.getDisplayList(true).forEach(d => { if (d.style && typeof d.style.text === "string") texts.push(d.style.text); });
  const foreign = [...el.querySelectorAll("*")].filter(e => !/^(DIV|CANVAS)$/.test(e.tagName)).map(e => e.tagName);
  return JSON.stringify({text: texts.join(" | "), foreign});
})`

// Pages built from data full of markup and script, in Chromium: no
// dialog opens, no script runs (no CSP violation, no console error), no
// element is injected, and the payloads are text in the DOM, in the chart
// options ECharts holds and in a chart's tooltip.
func TestBrowserShowsStoredMarkupAsText(t *testing.T) {
	h := hostileData
	env.Each(t, func(t *testing.T, st *store.Store) {
		srv := hostileDashboard(t, st)
		for _, user := range []string{"admin", "ann"} {
			ctx, watch := newBrowser(t)
			var mu sync.Mutex
			var dialogs []string
			err := chromedp.Listen(ctx, func(ev any) {
				switch e := ev.(type) {
				case *page.EventJavascriptDialogOpening:
					mu.Lock()
					dialogs = append(dialogs, fmt.Sprintf("%s dialog %q at %s", e.Type, e.Message, e.URL))
					mu.Unlock()
					go func() { // close it, or the page stalls
						_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
					}()
				case *log.EventEntryAdded:
					if e.Entry.Level == log.EntryLevelError {
						watch.add("log error (%s): %s", e.Entry.Source, e.Entry.Text)
					}
				}
			})
			if err != nil {
				t.Fatalf("listening to Chromium: %v", err)
			}
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordViolations}); err != nil {
				t.Fatal(err)
			}
			err = chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/login"),
				chromedp.SendKeys(chromedp.ID("username"), user),
				chromedp.SendKeys(chromedp.ID("password"), testPassword),
				chromedp.Submit(chromedp.ID("password")),
				chromedp.WaitVisible(chromedp.CSS("header nav")),
			)
			if err != nil {
				t.Fatalf("%s: signing in: %v", user, err)
			}
			pages := map[string][]string{
				"/portfolio":   {h.Names["A1"], h.Names["A2"], h.Names["A3"], h.Names["A4"], h.Names["A5"], h.Workload, h.Segment, h.Country},
				"/accounts/A1": {h.Names["A1"], h.Workload, h.Segment},
				"/accounts/A2": {h.Names["A2"], h.Country},
			}
			if user == "admin" {
				pages["/themes"] = []string{h.Subjects[0]}
				pages["/executive"] = []string{h.Segment, h.Country}
				pages["/plan"] = nil
				pages["/admin/users"] = []string{h.AnnDisplay, `O'Brien\`}
			} else {
				pages["/portfolio"] = append(pages["/portfolio"], h.AnnDisplay)
			}
			for path, texts := range pages {
				err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
				if err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				check, err := waitCharts(ctx)
				if err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				if len(check.Bad) > 0 {
					t.Errorf("%s %s: charts not drawn: %v", user, path, check.Bad)
				}
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](domReport))
				if err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				var r pageReport
				if err := json.Unmarshal([]byte(raw), &r); err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				if len(r.Injected) > 0 || len(r.Violations) > 0 {
					t.Errorf("%s %s: injected %v, CSP violations %v", user, path, r.Injected, r.Violations)
				}
				for _, s := range texts {
					if !strings.Contains(r.Text, s) {
						t.Errorf("%s %s: the text %q is not on the page as text", user, path, s)
					}
				}
				if p := watch.take(); len(p) > 0 {
					t.Errorf("%s %s: %s", user, path, strings.Join(p, "; "))
				}
				if strings.HasPrefix(path, "/accounts/") {
					checkAccountCharts(t, ctx, user+" "+path, r.Charts, h.Workload)
					tooltipViolations(t, ctx, watch, user+" "+path)
				}
				if path == "/themes" && len(r.Charts) == 0 {
					t.Errorf("%s /themes: no sparkline", user)
				}
				if p := watch.take(); len(p) > 0 {
					t.Errorf("%s %s: %s", user, path, strings.Join(p, "; "))
				}
				screenshot(t, ctx, fmt.Sprintf("%s-xss-%s-%s", st.Kind(), user, strings.ReplaceAll(strings.Trim(path, "/"), "/", "-")))
			}
			// Refused values are quoted in the error page as text.
			for _, path := range []string{"/portfolio?segment=" + url.QueryEscape(xssScript), "/portfolio?q=" + url.QueryEscape(xssImg)} {
				if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+path), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
					t.Fatalf("%s %s: %v", user, path, err)
				}
				raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](domReport))
				if err != nil {
					t.Fatal(err)
				}
				var r pageReport
				if err := json.Unmarshal([]byte(raw), &r); err != nil {
					t.Fatal(err)
				}
				if len(r.Injected) > 0 || len(r.Violations) > 0 {
					t.Errorf("%s %s: injected %v, CSP violations %v", user, path, r.Injected, r.Violations)
				}
				watch.take() // a refused segment answers 400, which the watch reports
			}
			mu.Lock()
			if len(dialogs) > 0 {
				t.Errorf("%s: JavaScript dialogs opened: %v", user, dialogs)
			}
			mu.Unlock()
		}
	})
}

// checkAccountCharts checks that the account's adoption chart names the
// workload literally: in its data-options once parsed, in the legend and
// series ECharts holds, and in its tooltip, which holds no foreign element.
func checkAccountCharts(t *testing.T, ctx context.Context, what string, charts []chartReport, workload string) {
	t.Helper()
	var adoption *chartReport
	for i := range charts {
		if charts[i].ID == "chart-adoption" {
			adoption = &charts[i]
		}
	}
	if adoption == nil {
		t.Errorf("%s: no adoption chart", what)
		return
	}
	parsed, _ := json.Marshal(adoption.Parsed)
	var opts struct {
		Legend struct{ Data []string }
		Series []struct{ Name string }
	}
	if err := json.Unmarshal(parsed, &opts); err != nil || !slices.Contains(opts.Legend.Data, workload) {
		t.Errorf("%s: the parsed data-options do not name %q in the legend: %v (%v)", what, workload, opts.Legend.Data, err)
	}
	var legend []string
	for _, l := range adoption.Legend {
		if s, ok := l.(string); ok {
			legend = append(legend, s)
		} else if m, ok := l.(map[string]any); ok {
			legend = append(legend, fmt.Sprint(m["name"]))
		}
	}
	if !slices.Contains(legend, workload) || !slices.Contains(adoption.Series, workload) {
		t.Errorf("%s: ECharts' legend %q and series %q do not name %q", what, legend, adoption.Series, workload)
	}
	var tip struct {
		Text    string   `json:"text"`
		Foreign []string `json:"foreign"`
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](showTooltip+`("chart-adoption")`))
		if err != nil {
			t.Fatalf("%s: tooltip: %v", what, err)
		}
		if err := json.Unmarshal([]byte(raw), &tip); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(tip.Text, workload) || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(tip.Text, workload) || len(tip.Foreign) > 0 {
		t.Errorf("%s: the tooltip shows %q with elements %v; want the workload %q as text", what, tip.Text, tip.Foreign, workload)
	}
}

// tooltipViolations checks what the policy blocked while the tooltip
// showed: no script may have been attempted. ECharts writes its tooltip's
// markers and layout as HTML with style attributes, which the policy's
// style-src 'self' blocks (the tooltip's text shows, unstyled): those are
// logged, not failed, as a known display defect of the tooltip.
func tooltipViolations(t *testing.T, ctx context.Context, watch *browserWatch, what string) {
	t.Helper()
	time.Sleep(300 * time.Millisecond) // violations are reported asynchronously
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.__violations || [])`))
	if err != nil {
		t.Fatal(err)
	}
	var violations []string
	if err := json.Unmarshal([]byte(raw), &violations); err != nil {
		t.Fatal(err)
	}
	styles := 0
	for _, v := range violations {
		if strings.HasPrefix(v, "style-src") {
			styles++
		} else {
			t.Errorf("%s: the tooltip broke the policy: %s", what, v)
		}
	}
	for _, p := range watch.take() {
		if !strings.Contains(p, "Applying inline style violates") {
			t.Errorf("%s, tooltip: %s", what, p)
		}
	}
	if styles > 0 {
		t.Logf("%s: the tooltip's %d inline styles were blocked by style-src 'self' (display only)", what, styles)
	}
}
