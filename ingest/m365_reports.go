package ingest

// Column names shared by the per-user reports.
const (
	m365UPN          = "User Principal Name"
	m365LastActivity = "Last Activity Date"
)

// m365Reports lists the supported reports. It builds a fresh list on every
// call so that no caller can change another's.
func m365Reports() []m365Report {
	return []m365Report{
		{
			format: "m365-active-user-detail", graph: "getOffice365ActiveUserDetail", title: "Active users (user details)",
			needs: []string{m365UPN, "Exchange Last Activity Date", "OneDrive Last Activity Date", "SharePoint Last Activity Date", "Teams Last Activity Date"},
			// Skype For Business and Yammer are optional: newer downloads may drop retired services.
			detail: &m365Detail{activities: []m365Activity{
				{"Exchange", "Exchange Last Activity Date"},
				{"OneDrive", "OneDrive Last Activity Date"},
				{"SharePoint", "SharePoint Last Activity Date"},
				{"Skype For Business", "Skype For Business Last Activity Date"},
				{"Yammer", "Yammer Last Activity Date"},
				{"Teams", "Teams Last Activity Date"},
			}},
		},
		{
			format: "m365-teams-user-detail", graph: "getTeamsUserActivityUserDetail", title: "Microsoft Teams user activity (user details)",
			needs: []string{m365UPN, m365LastActivity, "Team Chat Message Count", "Private Chat Message Count", "Call Count", "Meeting Count"},
			// Post/Reply Messages and the Meetings Organized/Attended columns
			// break down these four, so adding them would count twice.
			detail: &m365Detail{
				activities: []m365Activity{{"Teams", m365LastActivity}},
				counts:     []string{"Team Chat Message Count", "Private Chat Message Count", "Call Count", "Meeting Count"},
			},
		},
		{
			format: "m365-email-user-detail", graph: "getEmailActivityUserDetail", title: "Email activity (user details)",
			needs: []string{m365UPN, m365LastActivity, "Send Count", "Receive Count", "Read Count"},
			// Email is Exchange: the same workload as the active-user report's
			// Exchange column, so one user's day in Exchange is one row.
			detail: &m365Detail{
				activities: []m365Activity{{"Exchange", m365LastActivity}},
				counts:     []string{"Send Count", "Receive Count", "Read Count"},
			},
		},
		{
			format: "m365-apps-user-detail", graph: "getM365AppUserDetail", title: "Microsoft 365 Apps usage (user details)",
			needs:  []string{m365UPN, m365LastActivity, "Last Activation Date", "Word", "Excel"},
			detail: &m365Detail{activities: []m365Activity{{"Microsoft 365 Apps", m365LastActivity}}},
		},
		{
			format: "m365-active-user-counts", graph: "getOffice365ActiveUserCounts", title: "Active users (daily counts)",
			needs: []string{"Report Date", "Office 365", "Exchange", "OneDrive", "SharePoint", "Teams"},
		},
		{
			format: "m365-services-user-counts", graph: "getOffice365ServicesUserCounts", title: "Active users by service (counts)",
			needs: []string{"Exchange Active", "Exchange Inactive", "Office 365 Active", "Office 365 Inactive"},
		},
		{
			format: "m365-teams-user-counts", graph: "getTeamsUserActivityUserCounts", title: "Microsoft Teams user activity (daily counts)",
			needs: []string{"Report Date", "Team Chat Messages", "Private Chat Messages", "Calls", "Meetings"},
		},
	}
}
