package ingest

import (
	"fmt"
	"strings"
)

// m365Account finds the account a report belongs to: the reports name no
// customer, so it is --account, or else the file name's part before the
// first "_" (contoso_TeamsUserActivityUserDetail.csv → contoso), kept as
// written so it meets the account_id of the accounts file.
//
// The admin center names its downloads after the report and the time
// (TeamsUserActivityUserDetail5_21_2026 3_45_12 PM.csv); the rule would take
// "TeamsUserActivityUserDetail5" for an account, so such a prefix is refused
// rather than silently filing the usage under a made-up customer.
func m365Account(opt Options) (string, error) {
	if a := strings.TrimSpace(opt.Account); a != "" {
		return a, nil
	}
	prefix, _, found := strings.Cut(opt.FileName, "_")
	prefix = strings.TrimSpace(prefix)
	switch {
	case found && prefix != "" && !looksLikeM365ReportName(prefix):
		return prefix, nil
	case found && prefix != "":
		return "", fmt.Errorf("no account for this Microsoft 365 report: the file name %q starts with %q, which is the report's own name, not a customer; pass --account NAME (the customer's account_id), or rename the file ACCOUNT_report.csv, e.g. contoso_%s", opt.FileName, prefix, opt.FileName)
	}
	return "", fmt.Errorf("no account for this Microsoft 365 report: the report names no customer and the file name %q has no ACCOUNT_ prefix; pass --account NAME (the customer's account_id), or rename the file ACCOUNT_report.csv, e.g. contoso_%s", opt.FileName, opt.FileName)
}

// looksLikeM365ReportName spots Microsoft's report names (…UserDetail,
// …UserCounts, …UserActivity…) in a file-name prefix.
func looksLikeM365ReportName(prefix string) bool {
	p := strings.ToLower(prefix)
	for _, part := range []string{"userdetail", "usercounts", "useractivity"} {
		if strings.Contains(p, part) {
			return true
		}
	}
	return false
}
