package annotate

import (
	"strings"

	"newsmark/model"
)

// Words the speaker attribution knows: reporting verbs, pronouns, the nouns
// a story names a company by, titles, name particles, connectives.

var qReportingVerbs = map[string]int{
	"said": qvSay, "says": qvSay, "say": qvSay, "saying": qvSay, "added": qvSay, "adds": qvSay, "adding": qvSay,
	"noted": qvSay, "notes": qvSay, "explained": qvSay, "explains": qvSay, "stated": qvSay, "states": qvSay,
	"commented": qvSay, "continued": qvSay, "declared": qvSay, "insisted": qvSay, "insists": qvSay,
	"argued": qvSay, "argues": qvSay, "warned": qvSay, "warns": qvSay, "announced": qvSay, "remarked": qvSay,
	"observed": qvSay, "replied": qvSay, "acknowledged": qvSay, "admitted": qvSay, "stressed": qvSay,
	"emphasised": qvSay, "emphasized": qvSay, "wrote": qvSay, "writes": qvSay, "asked": qvSay,
	"predicted": qvSay, "forecast": qvSay, "conceded": qvSay, "confirmed": qvSay,
	"claimed": qvSay, "claims": qvSay, "maintained": qvSay, "reiterated": qvSay, "recalled": qvSay,
	"urged": qvSay, "suggested": qvSay, "joked": qvSay, "boasted": qvSay, "cautioned": qvSay,
	"mentioned": qvSay, "described": qvSay, "dubbed": qvSay, "tweeted": qvSay,
	"highlighted": qvSay, "underlined": qvSay, "believes": qvSay, "sees": qvSay, "expects": qvSay,
	"thinks": qvSay, "feels": qvSay, "called": qvSay,
	"told": qvTell, "tells": qvTell,
	"according": qvAccording,
	"quoted":    qvQuoted,
}

// qVerbNotAfterFull are verbs that, in the sentence after a quote, start
// news of their own rather than attribute it.
var qVerbNotAfterFull = map[string]bool{
	"announced": true, "confirmed": true, "claimed": true, "believes": true, "sees": true, "expects": true,
	"described": true, "dubbed": true, "thinks": true, "feels": true, "forecast": true, "predicted": true,
}

// qPronouns resolve to the most recent person (or company for "it"/"they").
var qPronouns = map[string]model.EntityKind{
	"he": model.Person, "she": model.Person, "it": model.Company, "they": model.Company,
}

// qOrgNouns are the nouns by which a story names a company it already
// introduced ("the company said") or a voice of it ("a spokeswoman said").
var qOrgNouns = map[string]bool{
	"company": true, "firm": true, "bank": true, "group": true, "insurer": true, "carrier": true, "lender": true,
	"automaker": true, "carmaker": true, "brewer": true, "retailer": true, "statement": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "exchange": true, "maker": true, "giant": true, "operator": true,
	"conglomerate": true, "companies": true, "board": true, "producer": true, "fund": true, "startup": true,
	"start-up": true, "chipmaker": true, "unit": true, "subsidiary": true, "release": true, "announcement": true,
	"filing": true, "owner": true, "buyer": true, "investor": true, "club": true, "union": true, "supplier": true,
}

// qAuxiliaries may stand between a subject and its reporting verb.
var qAuxiliaries = map[string]bool{
	"has": true, "had": true, "have": true, "was": true, "is": true, "were": true, "would": true, "will": true,
	"also": true, "later": true, "then": true, "previously": true, "once": true, "had earlier": true,
}

func qIsLowerStart(s string) bool {
	return s != "" && s[0] >= 'a' && s[0] <= 'z'
}

// qDeterminers start a nominal speaker that is no entity ("one analyst").
var qDeterminers = map[string]bool{"a": true, "an": true, "one": true, "another": true}

// qNominalStop ends a nominal speaker phrase.
var qNominalStop = map[string]bool{
	"quoted": true, "as": true, "at": true, "from": true, "with": true, "who": true, "said": true, "says": true,
	"told": true, "on": true, "to": true, "during": true, "and": true, "but": true, "while": true,
}

// qTitleWords precede a name without being part of it ("CEO Mary Barra").
var qTitleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sir": true, "dame": true, "lord": true, "prof": true,
	"professor": true, "ceo": true, "cfo": true, "coo": true, "cto": true, "chief": true, "executive": true,
	"officer": true, "president": true, "vice": true, "chairman": true, "chairwoman": true, "chair": true,
	"director": true, "managing": true, "governor": true, "minister": true, "secretary": true, "head": true,
	"founder": true, "co-founder": true, "analyst": true, "senior": true, "general": true, "md": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "manager": true, "partner": true,
	"economist": true, "strategist": true, "chancellor": true, "premier": true, "prime": true, "deputy": true,
	"downstream": true, "upstream": true, "global": true, "group": true, "board": true, "member": true,
	"the": true, "a": true, "an": true, "and": true, "of": true, "its": true, "his": true, "her": true,
	"but": true, "however": true, "meanwhile": true, "also": true, "then": true, "former": true, "new": true,
}

// qNameParticles may sit inside a person's name in lower case.
var qNameParticles = map[string]bool{
	"de": true, "la": true, "van": true, "von": true, "der": true, "al": true, "bin": true, "da": true,
	"del": true, "di": true, "le": true, "du": true, "dos": true,
}

// qDeterminers2 may stand before a quoted name used as a modifier.
var qModDeterminers = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true, "our": true,
	"this": true, "that": true, "so-called": true,
}

func qPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// qConnectives open a sentence before its subject ("However, X said").
var qConnectives = map[string]bool{
	"and": true, "but": true, "however": true, "meanwhile": true, "also": true, "yet": true, "so": true,
	"still": true, "separately": true, "instead": true, "indeed": true, "now": true, "then": true,
}

// qFunctionWords open a sentence in capitals without being a name.
var qFunctionWords = map[string]bool{
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "after": true,
	"before": true, "as": true, "since": true, "last": true, "this": true, "that": true, "it": true, "its": true,
	"while": true, "when": true, "if": true, "under": true, "speaking": true, "asked": true, "according": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "what": true, "there": true, "both": true,
	"analysts": true, "shares": true, "reports": true, "sources": true, "officials": true, "earlier": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "chairman": true,
}

// qEditDistance1 reports whether a and b differ by at most one insertion,
// deletion or substitution.
func qEditDistance1(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}
