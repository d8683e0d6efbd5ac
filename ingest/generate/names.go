package generate

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// companyName invents a customer name in the account's language, such as
// "Transports Durand SAS", "Weber Maschinenbau GmbH" or "Leeds Water Board".
// core is the name without its legal form, used for the e-mail domain.
func companyName(rng *rand.Rand, co country, lang int, ind industry) (name, core string) {
	noun := pick(rng, ind.nouns[lang])
	last, last2 := pick(rng, lastNames[lang]), pick(rng, lastNames[lang])
	place, brand := pick(rng, co.places), pick(rng, brands[lang])
	switch {
	case ind.noForm && lang == langEN:
		core = place + " " + noun
	case ind.noForm:
		core = noun + " " + place
	default:
		patterns := [numLangs][]string{
			{last + " " + noun, place + " " + noun, brand + " " + noun, brand},
			{noun + " " + last, brand + " " + noun, noun + " " + brand, noun + " " + last + " & " + last2},
			{last + " " + noun, noun + " " + last, brand + " " + noun, noun + " " + place},
		}
		core = pick(rng, patterns[lang])
		if (ind.name == "Legal" || ind.name == "Professional services") && last != last2 && chance(rng, 0.3) {
			core = last + " & " + last2 // partnerships carry the partners' names
		}
	}
	if ind.noForm {
		return core, core
	}
	return core + " " + pick(rng, legalForms(co.code, lang)), core
}

// uniqueName makes name (and its core) unique among those already used by
// adding the town, then a number.
func uniqueName(used map[string]bool, name, core string, co country, rng *rand.Rand) (string, string) {
	if !used[core] {
		used[core] = true
		return name, core
	}
	place := pick(rng, co.places)
	for i := 2; ; i++ {
		suffix := " " + place
		if i > 2 {
			suffix += " " + strconv.Itoa(i)
		}
		if !used[core+suffix] {
			used[core+suffix] = true
			return strings.Replace(name, core, core+suffix, 1), core + suffix
		}
	}
}

// slug turns a name into a lower-case ASCII domain label.
func slug(s string, maxLen int) string {
	var b strings.Builder
	dash := false
	for _, r := range foldASCII(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimRight(b.String(), "-")
	if len(out) > maxLen {
		out = strings.TrimRight(out[:maxLen], "-")
	}
	return out
}

// foldASCII spells accented letters the way people type them in e-mail
// addresses: é as e, ü as ue, ß as ss.
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'à', 'â', 'á':
			b.WriteByte('a')
		case 'ç':
			b.WriteByte('c')
		case 'é', 'è', 'ê', 'ë':
			b.WriteByte('e')
		case 'î', 'ï', 'í':
			b.WriteByte('i')
		case 'ô', 'ó':
			b.WriteByte('o')
		case 'ù', 'û', 'ú':
			b.WriteByte('u')
		case 'ä', 'æ':
			b.WriteString("ae")
		case 'ö', 'œ':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'ß':
			b.WriteString("ss")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// personName draws a first and last name, mostly in the account's language.
func personName(rng *rand.Rand, lang int) (first, last string) {
	fl, ll := lang, lang
	if chance(rng, 0.12) {
		fl = rng.IntN(numLangs)
	}
	if chance(rng, 0.12) {
		ll = rng.IntN(numLangs)
	}
	return pick(rng, firstNames[fl]), pick(rng, lastNames[ll])
}

// userName builds a sign-in name in one of the common conventions.
func userName(style int, first, last, domain string) string {
	f, l := slug(first, 20), slug(last, 20)
	switch style {
	case 1:
		return f[:1] + "." + l + "@" + domain
	case 2:
		return f + l[:1] + "@" + domain
	}
	return f + "." + l + "@" + domain
}
