package ingest

import (
	"strings"
)

// The help-desk vendors each code channels, statuses, priorities and
// ratings their own way. These tables translate them to the words the
// generic tickets format and the dashboards use, so that figures per
// channel, priority or status compare across vendors. Values a table does
// not know are kept (lower-cased) rather than dropped: an unexpected status
// is still visible, just not grouped.

// codeKey lower-cases a vendor value and joins its words with "_".
func codeKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r == ' ' || r == '-' || r == '_' }), "_")
}

// channelName maps a channel name to ours: email, portal, phone, chat,
// mobile, social or api.
//
//	email, mail, outbound_email                                  → email
//	web, web_form, web_widget, portal, help_center, self_service,
//	feedback_widget                                              → portal
//	voice, phone                                                 → phone
//	chat, native_messaging, messaging, virtual_agent             → chat
//	mobile, mobile_sdk, mobihelp                                 → mobile
//	twitter, facebook, whatsapp                                  → social
//	api, web_service                                             → api
func channelName(s string) string {
	switch k := codeKey(s); k {
	case "email", "mail", "outbound_email":
		return "email"
	case "web", "web_form", "web_widget", "portal", "help_center", "self_service", "feedback_widget":
		return "portal"
	case "voice", "phone":
		return "phone"
	case "chat", "native_messaging", "messaging", "virtual_agent":
		return "chat"
	case "mobile", "mobile_sdk", "mobihelp":
		return "mobile"
	case "twitter", "facebook", "whatsapp":
		return "social"
	case "api", "web_service":
		return "api"
	default:
		return k
	}
}

// freshdeskSource maps Freshdesk's source codes (or their names, as in the
// CSV export) to our channels:
//
//	1 email, 2 portal, 3 phone, 5 Twitter (social), 6 Facebook (social),
//	7 chat, 8 MobiHelp (mobile), 9 feedback widget (portal: a web form on
//	the customer's site), 10 outbound email (email: still an e-mail thread)
func freshdeskSource(s string) string {
	switch strings.TrimSpace(s) {
	case "1", "10":
		return "email"
	case "2", "9":
		return "portal"
	case "3":
		return "phone"
	case "5", "6":
		return "social"
	case "7":
		return "chat"
	case "8":
		return "mobile"
	}
	return channelName(s)
}

// statusName maps status names to ours: open, pending, resolved, closed,
// canceled. Zendesk's new/open/pending/hold/solved/closed, Freshdesk's names
// and ServiceNow's incident states all land here.
func statusName(s string) string {
	switch k := codeKey(s); {
	case k == "new" || k == "open" || k == "in_progress" || k == "active" || k == "assigned":
		return "open"
	case k == "pending" || k == "hold" || k == "on_hold" || strings.HasPrefix(k, "awaiting") || strings.HasPrefix(k, "waiting"):
		return "pending"
	case k == "solved" || k == "resolved":
		return "resolved"
	case k == "closed":
		return "closed"
	case k == "canceled" || k == "cancelled":
		return "canceled"
	default:
		return k
	}
}

// freshdeskStatus maps Freshdesk status codes: 2 open, 3 pending,
// 4 resolved, 5 closed; names as in the CSV export go through statusName.
func freshdeskStatus(s string) string {
	switch strings.TrimSpace(s) {
	case "2":
		return "open"
	case "3":
		return "pending"
	case "4":
		return "resolved"
	case "5":
		return "closed"
	}
	return statusName(s)
}

// serviceNowState maps incident_state, given as a code or as its label
// ("6" or "Resolved"): 1 new, 2 in progress, 3 on hold, 6 resolved,
// 7 closed, 8 canceled.
func serviceNowState(s string) string {
	switch strings.TrimSpace(s) {
	case "1", "2":
		return "open"
	case "3":
		return "pending"
	case "6":
		return "resolved"
	case "7":
		return "closed"
	case "8":
		return "canceled"
	}
	return statusName(s)
}

// priorityName maps priority names to ours: low, normal, high, urgent.
// Freshdesk's "medium" and ServiceNow's "moderate" are our normal,
// ServiceNow's "critical" our urgent and its "planning" our low.
func priorityName(s string) string {
	switch k := codeKey(s); k {
	case "medium", "moderate", "normal":
		return "normal"
	case "critical", "urgent":
		return "urgent"
	case "planning", "low":
		return "low"
	default:
		return k
	}
}

// freshdeskPriority maps Freshdesk's codes 1 low, 2 medium (normal),
// 3 high, 4 urgent.
func freshdeskPriority(s string) string {
	switch strings.TrimSpace(s) {
	case "1":
		return "low"
	case "2":
		return "normal"
	case "3":
		return "high"
	case "4":
		return "urgent"
	}
	return priorityName(s)
}

// serviceNowPriority maps ServiceNow's 1–5, alone or as "2 - High":
// 1 critical → urgent, 2 high, 3 moderate → normal, 4 low, 5 planning → low.
func serviceNowPriority(s string) string {
	code, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	switch code {
	case "1":
		return "urgent"
	case "2":
		return "high"
	case "3":
		return "normal"
	case "4", "5":
		return "low"
	}
	return priorityName(s)
}

// vendorCategory translates category and type names the vendors ship by
// default; others pass through for the batch to map (classify.go) or infer.
// Zendesk's and Freshdesk's incident, problem and task types describe the
// workflow, not what the ticket is about, so they are left to inference
// rather than read as our "incident" alias (performance).
func vendorCategory(s string) string {
	switch codeKey(s) {
	case "question", "inquiry", "inquiry_/_help", "inquiry_help":
		return CategoryHowTo
	case "refund":
		return CategoryBilling
	case "hardware":
		return CategoryPerformance
	case "feature_request":
		return CategoryOther
	case "incident", "problem", "task":
		return ""
	}
	return strings.TrimSpace(s)
}

// tagCategory returns the first tag that names a category we know
// (for example "billing" or "how-to"), or "".
func tagCategory(tags []string) string {
	for _, t := range tags {
		if _, ok := mapCategory(strings.ReplaceAll(t, "_", " ")); ok {
			return strings.ReplaceAll(t, "_", " ")
		}
	}
	return ""
}

// escalationTag reports whether a tag marks a ticket escalated to the
// vendor (Microsoft or another publisher): escalated_to_vendor,
// vendor_escalation, vendor_escalated or escalated_to_microsoft, in any case
// and with -, _ or spaces.
func escalationTag(tags []string) bool {
	for _, t := range tags {
		switch codeKey(t) {
		case "escalated_to_vendor", "vendor_escalation", "vendor_escalated", "escalated_to_microsoft":
			return true
		}
	}
	return false
}

// zendeskSatisfaction maps satisfaction_rating.score: good → 5, bad → 1
// (Zendesk counts 4–5 as good and 1–2 as bad, so the ends of our scale keep
// good ÷ (good + bad) the same); offered and unoffered are no rating.
// Numeric scores 1–5 (newer CSAT surveys) are kept.
func zendeskSatisfaction(score string) (string, *fieldError) {
	switch k := codeKey(score); k {
	case "good":
		return "5", nil
	case "bad":
		return "1", nil
	case "", "offered", "unoffered":
		return "", nil
	case "1", "2", "3", "4", "5":
		return k, nil
	}
	return "", &fieldError{column: "satisfaction_rating.score", reason: "\"" + score + "\" is not a Zendesk rating (good, bad, offered or unoffered)"}
}

// freshdeskSatisfaction maps Freshdesk's rating codes (or their labels) onto
// 1–5, symmetric around neutral:
//
//	 103 extremely happy   → 5
//	 102 very happy        → 4
//	 101 happy             → 4
//	 100 neutral           → 3
//	-101 unhappy           → 2
//	-102 very unhappy      → 2
//	-103 extremely unhappy → 1
//
// Happy stays on the good side (4) because Zendesk-style reporting counts
// 4–5 as good; the three-point survey (103, 100, -103) gives 5, 3, 1.
func freshdeskSatisfaction(code string) (string, *fieldError) {
	k := strings.TrimSpace(code)
	if !strings.HasPrefix(k, "-") { // codeKey would drop the minus sign
		k = codeKey(k)
	}
	switch k {
	case "":
		return "", nil
	case "103", "extremely_happy":
		return "5", nil
	case "102", "101", "very_happy", "happy":
		return "4", nil
	case "100", "neutral":
		return "3", nil
	case "-101", "-102", "unhappy", "very_unhappy":
		return "2", nil
	case "-103", "extremely_unhappy":
		return "1", nil
	}
	return "", &fieldError{column: "satisfaction", reason: "\"" + code + "\" is not a Freshdesk rating (103 extremely happy … -103 extremely unhappy)"}
}
