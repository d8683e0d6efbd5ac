package ingest

import (
	"bufio"
	"fmt"
)

// Microsoft 365 usage reports are the CSV downloads of Microsoft Graph's
// reportRoot functions (also offered by the admin center's Export button).
// They are recognised by column NAME, never by position: tools that export
// them order the columns differently. None carries the customer's account
// (see m365_account.go).
//
// Per-user "detail" reports become usage rows (m365_source.go); the
// aggregate "counts" reports become m365_counts rows, which per-user figures
// never read (m365_counts.go explains why).

// m365Report describes one report: how to recognise it and what it becomes.
type m365Report struct {
	format string   // our format name (--format, ledger)
	graph  string   // the Graph function, the name users find in Microsoft's docs
	title  string   // the report as the admin center shows it
	needs  []string // columns (Microsoft's spelling) that identify the report; each report has one no other has
	detail *m365Detail
}

// m365Detail says how one row of a per-user report becomes usage records.
type m365Detail struct {
	activities []m365Activity
	// counts are the columns summed into activity_count; when empty each
	// active day counts 1 (the report says when, not how much).
	counts []string
}

// m365Activity is one workload's last-activity column.
type m365Activity struct {
	workload string // our workload name; the same across reports so keys meet
	date     string // the column holding the workload's last activity date
}

// microsoft365Formats are the Microsoft 365 usage report formats (Graph
// reportRoot CSV downloads), tried before the generic ones.
func microsoft365Formats() []format {
	var out []format
	for _, rep := range m365Reports() {
		out = append(out, format{name: rep.format, detect: rep.detect, open: rep.open})
	}
	return out
}

// detect recognises the report from its header line, in any column order.
func (rep m365Report) detect(head []byte) bool {
	h, ok := m365HeadHeader(head)
	return ok && len(h.missing(rep.needs)) == 0
}

func (rep m365Report) open(br *bufio.Reader, opt Options) (source, error) {
	if rep.detail == nil {
		return rep.openCounts(br, opt)
	}
	if opt.Entity != "" && opt.Entity != "usage" {
		return nil, fmt.Errorf("the %s report holds usage, not %s; drop --entity or use --entity usage", rep.graph, opt.Entity)
	}
	return openM365Source(br, opt, rep)
}
