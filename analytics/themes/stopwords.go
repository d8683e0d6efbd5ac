package themes

import "strings"

// Languages the analyser knows, as bits of a stop-word mask.
const (
	langEN = iota
	langFR
	langDE
	numLangs
)

var langCodes = [numLangs]string{"en", "fr", "de"}

// anyLang marks boilerplate that is a stop word whatever the language.
const anyLang = 1 << numLangs

// Function words per language, folded. Lists are written for help-desk
// text: besides articles, pronouns and auxiliaries they hold the verbs every
// request uses ("need", "want", "find", "use") and time words.
var stopLists = [numLangs]string{
	langEN: `a about above after again against all almost also although always am an and another any anybody anyone anything
		anyway are aren around as at back be became because become been before behind being below
		between both but by can cannot could couldn d did didn do does doesn doing don done down during each either else
		enough even ever every everyone everything few find finding for found from further get gets getting give given gives
		go goes going gone got had hadn has hasn have haven having he her here hers herself him himself his how however i
		if in into is isn it its itself just keep know knows least less let like ll m made make makes making many may
		maybe me might mine more most much must my myself need needed needs never no nor not now of off often oh on once
		one only onto or other others otherwise our ours ourselves out over own per perhaps please quite rather re really
		s said same say says see seems seen shall she should shouldn since so some somebody someone something
		sometimes somewhere still such sure t take than that the their theirs them themselves then there therefore these
		they thing things think this those though through thus to too tried tries try trying under unless until up upon
		us use used uses using ve very via want wanted wants was wasn way ways we well were weren what whatever when where
		whether which while who whom whose why will with within without won would wouldn yes yet you your yours yourself
		yourselves y o e g etc ie eg vs am pm ago asap currently today tomorrow yesterday tonight morning afternoon evening
		week weeks month months day days year time times minute minutes hour hours monday tuesday wednesday thursday friday
		saturday sunday january february march april june july august september october november december first second
		last next new able possible possibly ideally already again instead actually also still currently normally usually
		everything anything nothing thanks thank help helping question questions problem problems issue issues support
		ticket hello hi hey dear regards kind advance appreciate appreciated someone explain tell work works
		working worked later two three four five six seven eight nine ten`,
	langFR: `a afin ai aie aient aies ainsi alors apres as au aucun aucune aujourd hui auquel aura aurai aurais aurait auront
		aussi autre autres aux avais avait avant avec avez aviez avoir avons ayant c ca car ce ceci cela celle celles celui
		cependant certain certaine certains ces cet cette ceux chaque chez ci comme comment d dans de deja depuis des dessus
		devoir dois doit donc dont du elle elles en encore entre es est et etait etant etc ete etre eu eux fais faire fait
		faites faut fois font hier demain i il ils j jamais je jusqu jusque l la le les leur leurs lors lorsque lui m ma mais
		me meme mes mien moi moins mon n ne ni non nos notre nous on ont ou par parce pas peu peut peuvent peux plus
		plusieurs plutot pour pourquoi pourrais pourrait pouvez pouvoir pouvons puis puisque puisse qu quand que quel
		quelle quelles quels qui quoi quelqu quelque quelques s sa sans sait savoir se sera serait ses si sien soit sommes
		son sont sous suis sur t ta te tes toi ton tous tout toute toutes tres trop tu un une unes uns va vais vers veux
		veut voici voila vont vos votre vous vu y aide aider aidez besoin question questions probleme problemes souci
		soucis bonjour bonsoir salut merci svp stp cordialement avance madame monsieur voudrais voudrions souhaite
		souhaiterais souhaitons aimerais aimerait trouve trouver trouvons utiliser utilise utilisons possible possibilite
		matin soir apres midi semaine semaines jour jours mois annee heure heures minute minutes lundi mardi mercredi jeudi
		vendredi samedi dimanche janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
		actuellement maintenant deja toujours vraiment ok oui faudrait fonctionne marche savez sais dire expliquer
		explications pendant durant lors dit dis disent deux trois quatre cinq six sept huit neuf dix`,
	langDE: `aber alle allem allen aller alles als also am an andere anderen anderer anderes auch auf aus bei beim bereits
		bin bis bisher bist bitte da dabei dadurch dafur dagegen daher dahin damit dann daran darauf daraus darf darin
		daruber darum das dass dazu dein deine dem den denen denn der deren des dessen deshalb die dies diese diesem diesen
		dieser dieses doch dort du durch eigentlich ein eine einem einen einer eines einfach einige einmal er es etwas euch
		euer eure fur gab gegen geht gerade gewesen gibt habe haben hast hat hatte hatten hier hin hinter ich ihm ihn ihnen
		ihr ihre ihrem ihren ihrer im immer in ins ist ja jede jedem jeden jeder jedes jedoch jemand jetzt kann kannst kein
		keine keinem keinen keiner konnen konnte konnten konnt leider machen macht man manche manchmal mehr mein meine
		meinem meinen meiner mich mir mit mochte mochten muss mussen musste nach nicht nichts noch nun nur ob oder ohne
		schon sehr sein seine seinem seinen seiner seit selbst sich sie sind so soll sollen sollte sondern uber um und uns
		unser unsere unserem unseren unserer unseres meines deines ihres gehen gehe unter viel viele vielleicht vom von vor wann war waren warum was weil weiss
		welche welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wo wohl wollen wollte wurde
		wurden zu zum zur zwar zwischen hallo guten tag morgen abend danke dank vielen bitte frage fragen problem
		probleme hilfe helfen support gruss grusse freundlichen freundliche mfg lg vg dringend moglich moglichkeit
		finde finden gefunden nutze nutzen verwenden benutzen heute gestern woche wochen monat monate jahr stunde stunden
		minute minuten montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz april mai juni
		juli august september oktober november dezember ok okay genau gerne grundsatzlich aktuell momentan derzeit
		funktioniert klappt geht erklaren wissen voraus herren damen geehrte sehr zwei drei vier funf sechs sieben acht neun zehn`,
}

// boilerplate is stop words in every language: greetings, thanks and
// request words that appear in tickets of any language.
const boilerplate = `hello hi hey hallo bonjour salut merci danke thanks thank thx please pls plz bitte svp
	microsoft ticket tickets helpdesk hotline urgent dringend asap support cc fyi ok okay re fw aw tr wg`

// buildStopMasks turns the lists into one map from word to language bits.
func buildStopMasks() map[string]uint8 {
	m := map[string]uint8{}
	for l, list := range stopLists {
		for _, w := range strings.Fields(list) {
			m[w] |= 1 << l
		}
	}
	for _, w := range strings.Fields(boilerplate) {
		m[w] |= anyLang | 1<<langEN | 1<<langFR | 1<<langDE
	}
	return m
}
