package courses

import (
	"slices"
	"strings"
)

// Course is one trainable course of the catalogue, in one language.
type Course struct {
	ID            string   `yaml:"id"`
	Title         string   `yaml:"title"`
	Workload      string   `yaml:"workload"` // canonical workload name; empty = general
	Level         string   `yaml:"level"`    // beginner, intermediate or advanced
	Language      string   `yaml:"language"` // two-letter code, lower case
	DurationHours float64  `yaml:"duration_hours"`
	Price         float64  `yaml:"price"`    // list price of one session
	Currency      string   `yaml:"currency"` // ISO 4217 code of Price
	MaxAttendees  int      `yaml:"max_attendees"`
	Format        string   `yaml:"format"` // on-site or remote; empty = either
	Topics        []string `yaml:"topics"` // short phrases, course language and English
	Description   string   `yaml:"description"`
}

// workloads are the canonical workload names, in display order.
var workloads = []string{"Exchange", "Teams", "SharePoint", "OneDrive", "Apps", "Entra ID"}

// levels are the course levels, easiest first.
var levels = []string{"beginner", "intermediate", "advanced"}

// formats are the delivery formats.
var formats = []string{"on-site", "remote"}

// Workloads returns the canonical workload names, in display order.
func Workloads() []string { return slices.Clone(workloads) }

// Levels returns the course levels, easiest first.
func Levels() []string { return slices.Clone(levels) }

// workloadAliases maps squashed spellings (see squash) to canonical names,
// so that catalogues written by people, not programs, are accepted.
var workloadAliases = map[string]string{
	"exchange": "Exchange", "exchangeonline": "Exchange", "outlook": "Exchange",
	"mail": "Exchange", "email": "Exchange", "exo": "Exchange",
	"teams": "Teams", "microsoftteams": "Teams", "msteams": "Teams",
	"sharepoint": "SharePoint", "sharepointonline": "SharePoint", "spo": "SharePoint",
	"onedrive": "OneDrive", "onedriveforbusiness": "OneDrive", "odb": "OneDrive",
	"apps": "Apps", "office": "Apps", "officeapps": "Apps", "microsoft365apps": "Apps",
	"m365apps": "Apps", "office365": "Apps", "word": "Apps", "excel": "Apps", "powerpoint": "Apps",
	"entraid": "Entra ID", "entra": "Entra ID", "microsoftentraid": "Entra ID",
	"azuread": "Entra ID", "azureactivedirectory": "Entra ID", "aad": "Entra ID",
}

// generalWorkloads are the spellings of "no particular workload".
var generalWorkloads = map[string]bool{"": true, "general": true, "all": true, "any": true, "microsoft365": true, "m365": true}

// formatAliases maps squashed spellings of delivery formats to canonical ones.
var formatAliases = map[string]string{
	"onsite": "on-site", "inperson": "on-site", "presentiel": "on-site", "classroom": "on-site",
	"remote": "remote", "online": "remote", "virtual": "remote", "distanciel": "remote",
}

// CanonicalWorkload returns the canonical name of a workload spelling such as
// "Outlook" or "Azure AD"; "" for a general course, and false when unknown.
func CanonicalWorkload(s string) (string, bool) {
	k := squash(s)
	if generalWorkloads[k] {
		return "", true
	}
	w, ok := workloadAliases[k]
	return w, ok
}

// squash lower-cases s and drops everything but letters and digits, so that
// "Azure AD", "azure-ad" and "AzureAD" compare equal.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(foldAccents(s)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// effectiveMax is the session size used for c, falling back to def for
// courses (e.g. ingested ones) that do not state it.
func (c Course) effectiveMax(def int) int {
	if c.MaxAttendees > 0 {
		return c.MaxAttendees
	}
	return def
}
