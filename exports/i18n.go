package exports

// Localize gives a table its sheet name and headers in the interface
// language ("fr"; anything else keeps English). Cell values stay as they
// are: figures are numbers and dates, which the spreadsheet formats.
func Localize(t Table, lang string) Table {
	if lang != "fr" {
		return t
	}
	t.Sheet = frenchOr(t.Sheet)
	h := make([]string, len(t.Header))
	for i, s := range t.Header {
		h[i] = frenchOr(s)
	}
	t.Header = h
	return t
}

// LocalizedDefinitions are a report's definitions in the language.
func LocalizedDefinitions(report, lang string) [][2]string {
	if lang == "fr" {
		if d, ok := frenchDefinitions[report]; ok {
			return d
		}
	}
	return Definitions[report]
}

func frenchOr(s string) string {
	if f, ok := frenchHeaders[s]; ok {
		return f
	}
	return s
}

// frenchHeaders translates the sheet names and headers of the reports the
// dashboard exports.
var frenchHeaders = map[string]string{
	"Portfolio": "Portefeuille", "Data status": "État des données", "Quarantine": "Quarantaine", "Course plan": "Plan de formation",
	"Satisfaction": "Satisfaction", "By segment": "Par segment", "By country": "Par pays", "Ticket themes": "Thèmes des tickets",
	"ticket_id": "ticket", "theme_id": "thème", "theme_label": "libellé du thème", "account_id": "compte", "source": "source", "created_at": "créé le", "score": "score",
	"Weekly KPIs": "Indicateurs hebdomadaires", "Courses": "Formations", "Themes": "Thèmes", "SLA": "SLA",
	"Account id": "Identifiant du compte", "Account ID": "Identifiant du compte", "Account": "Compte", "Segment": "Segment", "Country": "Pays",
	"Account manager": "Responsable de compte", "Health": "Santé", "Health reason": "Raison", "Seats": "Licences",
	"Tickets (13 weeks)": "Tickets (13 semaines)", "How-to tickets": "Tickets « comment faire »",
	"How-to per 100 seats a month": "« Comment faire » pour 100 licences par mois", "CSAT": "CSAT", "CSAT low": "CSAT bas", "CSAT high": "CSAT haut",
	"Ratings": "Notes", "Upsell value a year": "Potentiel de vente par an", "Upsell chances": "Opportunités", "Usage % by workload": "Usage % par service",
	"Data": "Données", "Rows": "Lignes", "Accounts": "Comptes", "From": "Du", "To": "Au",
	"File": "Fichier", "Line": "Ligne", "Column": "Colonne", "Reason": "Raison", "Row as read": "Ligne telle que lue", "Quarantined at (UTC)": "Mise en quarantaine (UTC)",
	"Month": "Mois", "Course ID": "Identifiant de la formation", "Course": "Formation", "Language": "Langue", "Sessions": "Sessions",
	"Attendees": "Participants", "Benefit": "Bénéfice", "Why": "Pourquoi",
	"Period": "Période", "Group": "Groupe", "Tickets": "Tickets", "Good ratings": "Bonnes notes", "Change (points)": "Évolution (points)",
	"Meaningful change": "Évolution significative", "Week": "Semaine", "Tickets per 100 seats a month": "Tickets pour 100 licences par mois", "Usage %": "Usage %",
	"Need": "Besoin", "Workload": "Service", "Theme": "Thème", "Level": "Niveau", "Audience": "Public", "Tickets avoidable": "Tickets évitables",
	"Seats to activate": "Licences à activer", "Match": "Adéquation", "Why this course": "Pourquoi cette formation", "Evidence": "Éléments",
	"Theme ID": "Identifiant du thème", "Label": "Libellé", "Weeks": "Semaines", "Trend": "Tendance", "Last 8 weeks": "8 dernières semaines",
	"8 weeks before": "8 semaines avant", "Recurring": "Récurrent", "New": "Nouveau", "Languages": "Langues", "Top words": "Mots principaux", "Examples": "Exemples",
	"Priority": "Priorité", "Response target (min)": "Objectif de réponse (min)", "Responded in target": "Réponses dans l'objectif",
	"Response attainment": "Respect de l'objectif de réponse", "Resolution target (min)": "Objectif de résolution (min)",
	"Resolved in target": "Résolus dans l'objectif", "Resolution attainment": "Respect de l'objectif de résolution",
	"Median response (min)": "Réponse médiane (min)", "Median resolution (min)": "Résolution médiane (min)",
}

var frenchDefinitions = map[string][][2]string{
	"portfolio": {
		{"Santé", "Le statut du service le plus faible du compte (avec au moins le minimum de licences), selon l'usage % : rouge au seuil rouge ou en dessous, orange au seuil orange ou en dessous, vert au-dessus."},
		{"Usage %", "Utilisateurs actifs sur 28 jours ÷ licences achetées × 100, sur la dernière semaine complète."},
		{"« Comment faire » pour 100 licences par mois", "Tickets « comment faire » des 13 dernières semaines ÷ licences du compte × 100, en rythme mensuel."},
		{"CSAT", "Part des bonnes notes (4 ou 5 sur 5) sur les 13 dernières semaines, avec son intervalle de Wilson à 95 % (bas, haut)."},
		{"Potentiel de vente par an", "Somme des valeurs annuelles estimées des opportunités du compte ; les éléments de chacune figurent dans le rapport des opportunités."},
	},
	"satisfaction": {
		{"CSAT", "Part des bonnes notes (4 ou 5 sur 5) par mois, avec son intervalle de Wilson à 95 % (bas, haut)."},
		{"Évolution significative", "Une évolution par rapport au mois précédent qu'un test de deux proportions juge significative après la correction de Benjamini–Hochberg."},
	},
	"plan": {
		{"Sessions", "Sessions d'une formation dans une langue et un mois, 20 par mois au plus, bénéfice attendu le plus élevé d'abord."},
		{"Bénéfice", "Tickets « comment faire » évités au prochain trimestre plus un demi-point par licence qui pourrait devenir active, multipliés par l'adéquation de la formation."},
	},
	"themes": {
		{"Récurrent", "Un thème qui touche au moins 3 comptes sur 4 semaines."},
		{"Tendance", "En hausse ou en baisse quand les 4 dernières semaines diffèrent significativement des 8 précédentes ; stable sinon."},
	},
}
