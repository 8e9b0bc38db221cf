package index

// RatesAsOf is the date of the exchange-rate table below.
const RatesAsOf = "2026-01-01"

// usdPer is what one unit of each currency was worth in US dollars around
// RatesAsOf, written from general knowledge and rounded: the deal tracker
// uses it only to sort amounts in different currencies by size, so a fixed,
// dated table (shown in README) beats a live feed nobody can reproduce.
// Keys are the ISO 4217 codes annotate gives as a money figure's unit, plus
// its GBX (pence) and USc (cents).
var usdPer = map[string]float64{
	"USD": 1, "USc": 0.01,
	"EUR": 1.17, "GBP": 1.34, "GBX": 0.0134, "CHF": 1.25, "JPY": 0.0064, "CNY": 0.142, "HKD": 0.1285,
	"TWD": 0.032, "KRW": 0.00069, "INR": 0.0112, "SGD": 0.775, "AUD": 0.665, "NZD": 0.58, "CAD": 0.725,
	"SAR": 0.2667, "AED": 0.2723, "QAR": 0.2747, "KWD": 3.26, "BHD": 2.66, "OMR": 2.6, "ILS": 0.31,
	"TRY": 0.0233, "RUB": 0.0125, "ZAR": 0.058, "NGN": 0.00069, "EGP": 0.021, "KES": 0.0077,
	"BRL": 0.183, "MXN": 0.0555, "ARS": 0.00069, "CLP": 0.00108, "COP": 0.00026, "PEN": 0.296,
	"SEK": 0.107, "NOK": 0.099, "DKK": 0.157, "PLN": 0.277, "CZK": 0.0483, "HUF": 0.00303,
	"IDR": 0.00006, "MYR": 0.245, "THB": 0.0318, "PHP": 0.0171, "VND": 0.000038, "PKR": 0.00356,
	"BDT": 0.0082, "LKR": 0.0033,
}

// USD converts value in unit to US dollars at the table of RatesAsOf; ok
// is false for a currency the table does not know.
func USD(value float64, unit string) (usd float64, ok bool) {
	rate, ok := usdPer[unit]
	if !ok {
		return 0, false
	}
	return value * rate, true
}
