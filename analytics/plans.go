package analytics

import "strings"

// planStep is the next plan up from an entry-level product: what heavy
// users of the workload would gain, and its list price per user and month
// (Microsoft's published prices, rounded; prices seen in the data win).
type planStep struct {
	entry, next string
	entryPrice  float64
	nextPrice   float64
	gains       string
}

// planLadder lists entry plans that have a richer plan above them.
var planLadder = []planStep{
	{"Exchange Online (Plan 1)", "Exchange Online (Plan 2)", 4, 8, "a 100 GB mailbox, unlimited archiving, data-loss prevention"},
	{"Exchange Online Kiosk", "Exchange Online (Plan 1)", 2, 4, "a full mailbox and desktop Outlook"},
	{"Microsoft 365 Business Basic", "Microsoft 365 Business Standard", 6, 12.5, "desktop Office apps, webinars and attendee registration in Teams"},
	{"Microsoft 365 Business Standard", "Microsoft 365 Business Premium", 12.5, 22, "device management, advanced threat protection, conditional access"},
	{"Office 365 E1", "Office 365 E3", 10, 23, "desktop Office apps, unlimited archiving, data-loss prevention"},
	{"Microsoft 365 F1", "Microsoft 365 F3", 2.25, 8, "Office web and mobile apps, a mailbox"},
	{"SharePoint (Plan 1)", "SharePoint (Plan 2)", 5, 10, "eDiscovery, in-place hold and advanced search"},
	{"SharePoint Online (Plan 1)", "SharePoint Online (Plan 2)", 5, 10, "eDiscovery, in-place hold and advanced search"},
	{"OneDrive for Business (Plan 1)", "OneDrive for Business (Plan 2)", 5, 10, "advanced data-loss prevention and in-place hold"},
	{"Microsoft 365 Apps for business", "Microsoft 365 Apps for enterprise", 8.25, 12, "shared-computer activation and enterprise management"},
	{"Microsoft Teams Essentials", "Microsoft 365 Business Standard", 4, 12.5, "webinars, recordings in OneDrive, desktop Office apps"},
}

// nextPlan finds the step up from a product (matched case-insensitively,
// ignoring spaces around parentheses), if it is an entry plan.
func nextPlan(product string) (planStep, bool) {
	p := normalisePlan(product)
	for _, s := range planLadder {
		if normalisePlan(s.entry) == p {
			return s, true
		}
	}
	return planStep{}, false
}

func normalisePlan(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(s))), " ")
}
