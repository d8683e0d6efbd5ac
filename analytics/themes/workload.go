package themes

import "strings"

// Workloads are the names the rest of Uptake uses for Microsoft 365
// workloads (see analytics/courses).
var workloads = []string{"", "Exchange", "Teams", "SharePoint", "OneDrive", "Apps", "Entra ID"}

// tokenWorkload says which workload a product token, or failing that a
// concept token, points to; products are asked first.
var (
	productWorkload = map[string]uint8{
		"OUTLOOK": 1, "EXCHANGE": 1, "TEAMS": 2, "SHAREPOINT": 3, "ONEDRIVE": 4,
		"EXCEL": 5, "WORD": 5, "POWERPOINT": 5, "ONENOTE": 5, "OFFICE": 5,
		"MFA": 6, "AUTHENTICATOR": 6, "ENTRA": 6,
	}
	conceptWorkload = map[string]uint8{
		"MAILBOX": 1, "CALENDAR": 1, "OOO": 1, "SIGNATURE": 1, "RULE": 1, "RECALL": 1, "JUNK": 1,
		"CHANNEL": 2, "MEETING": 2, "BACKGROUND": 2, "STATUS": 2, "BREAKOUT": 2, "LOBBY": 2,
		"LIBRARY": 3, "SITE": 3, "INTRANET": 3, "WEBPART": 3,
		"SYNC": 4, "EXPLORER": 4,
		"WORKBOOK": 5, "SLIDE": 5, "TRACK": 5, "PIVOT": 5, "FORMULA": 5,
		"PASSWORD": 6, "SIGNIN": 6, "AUTH": 6,
	}
)

// workloadIndex finds a workload hint from a help desk in workloads; 0 if
// it is empty or unknown.
func workloadIndex(hint string) uint8 {
	h := strings.ToLower(strings.TrimSpace(hint))
	if h == "" {
		return 0
	}
	for i, w := range workloads[1:] {
		if strings.ToLower(w) == h {
			return uint8(i + 1)
		}
	}
	switch h {
	case "outlook", "mail", "email", "e-mail":
		return 1
	case "office", "apps", "microsoft 365 apps", "word", "excel", "powerpoint":
		return 5
	case "entra", "azure ad", "identity", "mfa":
		return 6
	}
	return 0
}

// guessWorkload infers a ticket's workload from its tokens: the first
// product named, else the first concept that belongs to one workload.
func guessWorkload(tokens []string) uint8 {
	var byConcept uint8
	for _, t := range tokens {
		if w := productWorkload[t]; w != 0 {
			return w
		}
		if byConcept == 0 {
			byConcept = conceptWorkload[t]
		}
	}
	return byConcept
}
