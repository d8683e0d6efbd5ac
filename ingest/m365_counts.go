package ingest

import "fmt"

// The aggregate reports (getOffice365ActiveUserCounts,
// getOffice365ServicesUserCounts, getTeamsUserActivityUserCounts) hold
// totals per day or per period and no users. Uptake's usage table holds one
// row per user, day and workload, and every adoption figure counts distinct
// users in it. Loading the totals as a pretend user ("*all*") would count
// that user as one active person in every per-user figure, and would count
// the same activity twice once the detail report is loaded as well; the
// services counts have no day at all, only a period. So these reports are
// recognised, and refused with the name of the detail report that carries
// the same information per user: the user gets a clear "not loaded" with
// what to download, never a silent skip.
func (rep m365Report) refusal() error {
	return fmt.Errorf("this is Microsoft 365's %q report (%s): it holds totals, not users, and Uptake measures adoption per user, so nothing from it was loaded; download the per-user report %s and load that instead", rep.title, rep.graph, rep.insteadUse)
}
