package generate

import "time"

// Languages of tickets and courses. Accounts speak one as their main
// language; French- and German-speaking users sometimes write in English.
const (
	langEN = iota
	langFR
	langDE
	numLangs
)

var langCodes = [numLangs]string{"en", "fr", "de"}

// country is where an account is based: its languages, currency, time zone
// (for ticket times), summer pattern and public holidays.
type country struct {
	code     string
	weight   float64 // share of the partner's accounts
	langs    []int   // main language first
	langW    []float64
	currency string
	perUSD   float64 // currency units per US dollar, for list prices
	offsets  []int   // UTC offsets in hours an account may be in
	summer   int
	tld      string
	places   []string
	holidays []holiday
}

// The partner is European with a North American arm: mostly French- and
// German-speaking customers, then English-speaking ones.
var countries = []country{
	{"FR", 0.24, []int{langFR}, []float64{1}, "EUR", 0.93, []int{1}, summerFrench, ".fr",
		[]string{"Lyon", "Nantes", "Bordeaux", "Lille", "Rennes", "Toulouse", "Grenoble", "Dijon", "Angers", "Reims"},
		[]holiday{fixed(1, 1), easter(1), fixed(5, 1), fixed(5, 8), easter(39), easter(50), fixed(7, 14), fixed(8, 15), fixed(11, 1), fixed(11, 11), fixed(12, 25)}},
	{"DE", 0.21, []int{langDE}, []float64{1}, "EUR", 0.93, []int{1}, summerGerman, ".de",
		[]string{"Freiburg", "Hamburg", "Leipzig", "Köln", "Bremen", "Dresden", "Mainz", "Augsburg", "Kassel", "Bonn"},
		[]holiday{fixed(1, 1), easter(-2), easter(1), fixed(5, 1), easter(39), easter(50), fixed(10, 3), fixed(12, 25), fixed(12, 26)}},
	{"AT", 0.04, []int{langDE}, []float64{1}, "EUR", 0.93, []int{1}, summerGerman, ".at",
		[]string{"Graz", "Linz", "Salzburg", "Innsbruck", "Wien", "Klagenfurt"},
		[]holiday{fixed(1, 1), fixed(1, 6), easter(1), fixed(5, 1), easter(39), easter(50), fixed(8, 15), fixed(10, 26), fixed(11, 1), fixed(12, 8), fixed(12, 25), fixed(12, 26)}},
	{"CH", 0.08, []int{langDE, langFR, langEN}, []float64{0.65, 0.3, 0.05}, "CHF", 0.89, []int{1}, summerGerman, ".ch",
		[]string{"Zürich", "Basel", "Bern", "Luzern", "St. Gallen", "Lausanne", "Genève", "Neuchâtel", "Fribourg"},
		[]holiday{fixed(1, 1), easter(-2), easter(1), easter(39), easter(50), fixed(8, 1), fixed(12, 25), fixed(12, 26)}},
	{"BE", 0.07, []int{langFR, langEN}, []float64{0.8, 0.2}, "EUR", 0.93, []int{1}, summerFrench, ".be",
		[]string{"Liège", "Namur", "Charleroi", "Bruxelles", "Mons", "Wavre"},
		[]holiday{fixed(1, 1), easter(1), fixed(5, 1), easter(39), easter(50), fixed(7, 21), fixed(8, 15), fixed(11, 1), fixed(11, 11), fixed(12, 25)}},
	{"GB", 0.12, []int{langEN}, []float64{1}, "GBP", 0.79, []int{0}, summerBritish, ".co.uk",
		[]string{"Leeds", "Bristol", "York", "Norwich", "Cardiff", "Brighton", "Exeter", "Oxford"},
		[]holiday{fixed(1, 1), easter(-2), easter(1), nthWeekday(5, time.Monday, 1), nthWeekday(5, time.Monday, -1), nthWeekday(8, time.Monday, -1), fixed(12, 25), fixed(12, 26)}},
	{"US", 0.18, []int{langEN}, []float64{1}, "USD", 1, []int{-5, -5, -6, -7, -8}, summerAmerican, ".com",
		[]string{"Austin", "Denver", "Portland", "Madison", "Raleigh", "Boise", "Tampa", "Omaha"},
		[]holiday{fixed(1, 1), nthWeekday(1, time.Monday, 3), nthWeekday(5, time.Monday, -1), fixed(7, 4), nthWeekday(9, time.Monday, 1), nthWeekday(11, time.Thursday, 4), fixed(12, 25)}},
	{"CA", 0.06, []int{langEN, langFR}, []float64{0.7, 0.3}, "CAD", 1.36, []int{-5}, summerAmerican, ".ca",
		[]string{"Ottawa", "Halifax", "Calgary", "Victoria", "Québec", "Montréal"},
		[]holiday{fixed(1, 1), easter(-2), fixed(7, 1), nthWeekday(9, time.Monday, 1), nthWeekday(10, time.Monday, 2), fixed(12, 25), fixed(12, 26)}},
}

// legalForms are company suffixes by country and language.
func legalForms(co string, lang int) []string {
	switch {
	case co == "GB":
		return []string{"Ltd", "Ltd", "LLP", "plc"}
	case co == "US":
		return []string{"LLC", "Inc.", "LLC", "Corp."}
	case co == "CA" && lang == langFR:
		return []string{"inc.", "ltée"}
	case co == "CA":
		return []string{"Inc.", "Ltd."}
	case co == "CH" && lang == langFR:
		return []string{"SA", "Sàrl"}
	case co == "CH":
		return []string{"AG", "GmbH"}
	case co == "BE":
		return []string{"SRL", "SA", "SRL"}
	case co == "AT":
		return []string{"GmbH", "GmbH", "KG"}
	case lang == langFR:
		return []string{"SAS", "SARL", "SA", "SAS"}
	case lang == langDE:
		return []string{"GmbH", "GmbH", "AG", "GmbH & Co. KG", "e.K."}
	}
	return []string{"Ltd"}
}

// industry is a customer's line of business; shift industries work weekends.
type industry struct {
	name    string
	weight  float64
	shift   bool
	noForm  bool // public bodies and charities carry no company suffix
	nouns   [numLangs][]string
	ticketX float64 // tickets per user relative to the average
}

var industries = []industry{
	{"Healthcare", 0.12, true, false, [numLangs][]string{{"Dental Care", "Medical Group", "Clinic", "Physiotherapy"}, {"Clinique", "Cabinet Médical", "Pharmacie", "Centre Dentaire"}, {"Praxis", "Klinik", "Apotheke", "Zahnärzte"}}, 1.1},
	{"Legal", 0.08, false, false, [numLangs][]string{{"Law", "Legal", "Solicitors"}, {"Avocats", "Notaires", "Cabinet Juridique"}, {"Rechtsanwälte", "Kanzlei", "Notariat"}}, 1.0},
	{"Manufacturing", 0.13, false, false, [numLangs][]string{{"Manufacturing", "Industries", "Precision Parts"}, {"Industrie", "Mécanique", "Usinage"}, {"Maschinenbau", "Metallbau", "Werkzeugbau"}}, 0.9},
	{"Logistics", 0.08, true, false, [numLangs][]string{{"Logistics", "Freight", "Haulage"}, {"Transports", "Logistique", "Fret"}, {"Logistik", "Spedition", "Transporte"}}, 0.95},
	{"Retail", 0.09, true, false, [numLangs][]string{{"Stores", "Outfitters", "Home & Garden"}, {"Distribution", "Boutiques", "Maison"}, {"Handel", "Markt", "Einrichtungshaus"}}, 0.9},
	{"Financial services", 0.09, false, false, [numLangs][]string{{"Capital", "Wealth Advisors", "Insurance"}, {"Finance", "Gestion Privée", "Assurances"}, {"Finanz", "Vermögensberatung", "Versicherungen"}}, 1.05},
	{"Professional services", 0.15, false, false, [numLangs][]string{{"Consulting", "Accountants", "Partners"}, {"Conseil", "Expertise Comptable", "Associés"}, {"Beratung", "Steuerberatung", "Partner"}}, 1.1},
	{"Education", 0.07, false, true, [numLangs][]string{{"Academy", "Learning Centre", "School"}, {"École", "Formation", "Institut"}, {"Akademie", "Bildungszentrum", "Schule"}}, 1.2},
	{"Public sector", 0.05, false, true, [numLangs][]string{{"County Services", "Housing Trust", "Water Board"}, {"Communauté de Communes", "Syndicat des Eaux", "Office HLM"}, {"Stadtwerke", "Gemeindeverwaltung", "Zweckverband"}}, 1.15},
	{"Construction", 0.07, false, false, [numLangs][]string{{"Builders", "Construction", "Roofing"}, {"Bâtiment", "Construction", "Charpente"}, {"Bau", "Bauunternehmung", "Holzbau"}}, 0.85},
	{"Hospitality", 0.04, true, false, [numLangs][]string{{"Hotels", "Hospitality", "Catering"}, {"Hôtels", "Restauration", "Traiteur"}, {"Hotels", "Gastronomie", "Catering"}}, 0.9},
	{"Nonprofit", 0.03, false, true, [numLangs][]string{{"Foundation", "Charity", "Trust"}, {"Fondation", "Association", "Mutuelle"}, {"Stiftung", "Verein", "Hilfswerk"}}, 1.2},
}

var (
	firstNames = [numLangs][]string{
		{"James", "Emma", "Oliver", "Sophie", "Liam", "Olivia", "Noah", "Ava", "Jack", "Mia", "Ethan", "Grace", "Lucas", "Chloe", "Ryan", "Hannah", "Daniel", "Zoe", "Aaron", "Megan", "Priya", "Omar", "Wei", "Fatima"},
		{"Camille", "Louis", "Léa", "Hugo", "Manon", "Lucas", "Chloé", "Thomas", "Inès", "Julien", "Sarah", "Nicolas", "Élodie", "Mathieu", "Pauline", "Antoine", "Claire", "Maxime", "Juliette", "Romain", "Yasmine", "Karim"},
		{"Lukas", "Anna", "Felix", "Lena", "Jonas", "Laura", "Leon", "Sophie", "Paul", "Marie", "Maximilian", "Julia", "Tim", "Lea", "Jan", "Katharina", "Moritz", "Sarah", "Niklas", "Johanna", "Emre", "Aylin"},
	}
	lastNames = [numLangs][]string{
		{"Smith", "Johnson", "Clarke", "Walker", "Turner", "Hughes", "Patel", "Reed", "Morgan", "Bennett", "Carter", "Foster", "Hayes", "Murphy", "Nguyen", "Price", "Ward", "Brooks", "Cole", "Evans", "Khan", "Garcia"},
		{"Martin", "Durand", "Lefèvre", "Moreau", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Mercier", "Blanc", "Guérin", "Faure", "Chevalier", "Garnier", "Perrin", "Roux", "Morel", "Benali", "Nguyen"},
		{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann", "Yilmaz", "Kowalski"},
	}
	brands = [numLangs][]string{
		{"Bluewave", "Brightpath", "Northstar", "Oakridge", "Silverline", "Greenfield", "Redwood", "Clearwater", "Summit", "Harbor", "Keystone", "Lakeside"},
		{"Azur", "Horizon", "Lumière", "Étoile", "Avenir", "Atlantique", "Rivage", "Alliance", "Boréal", "Cèdre", "Opale", "Vallée"},
		{"Nordlicht", "Alpenblick", "Weitblick", "Sonnenhof", "Lindenberg", "Rheintal", "Eichenhain", "Seeblick", "Bergquell", "Tannenhof", "Feldmark", "Mühlbach"},
	}
	// managers are the partner's account managers, by the language they serve.
	managers = [numLangs][]string{
		{"dan.smith@partner.example", "olivia.reed@partner.example", "sam.okafor@partner.example"},
		{"chloe.dubois@partner.example", "marc.lefort@partner.example", "alice.martin@partner.example"},
		{"bruno.keller@partner.example", "anja.vogel@partner.example", "tobias.brandt@partner.example"},
	}
)
