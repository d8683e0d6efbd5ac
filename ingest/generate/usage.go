package generate

import (
	"bufio"
	"math/rand/v2"
	"strconv"
)

// usageHeader is the generic usage format's header.
const usageHeader = "day,account_id,user_id,workload,activity_count\n"

// writeUsage writes one row per day, account, user and workload with any
// activity, day after day as a daily telemetry export would. This is the hot
// loop of the generator (tens of millions of rows at the large scale), so
// rows are appended as bytes; no field needs quoting.
func writeUsage(w *bufio.Writer, seed uint64, accounts []*account, cal *calendar) (int, error) {
	if _, err := w.WriteString(usageHeader); err != nil {
		return 0, err
	}
	rngs := make([]*rand.Rand, len(accounts))
	ids := make([][]byte, len(accounts))
	for i, a := range accounts {
		rngs[i] = newRand(seed, streamUsage, uint64(i))
		ids[i] = []byte(a.id)
	}
	var names [numWorkloads][]byte
	for wl := range names {
		names[wl] = []byte(workloadNames[wl])
	}
	rows := 0
	buf := make([]byte, 0, 1<<16)
	for d := range cal.days {
		for i, a := range accounts {
			var n int
			buf, n = a.usageDay(buf[:0], rngs[i], d, cal.dates[d], ids[i], &names)
			rows += n
			if _, err := w.Write(buf); err != nil {
				return rows, err
			}
		}
	}
	return rows, nil
}

// usageDay appends the account's usage rows of day d to buf.
func (a *account) usageDay(buf []byte, rng *rand.Rand, d int, date, id []byte, names *[numWorkloads][]byte) ([]byte, int) {
	if d < a.onboard {
		return buf, 0
	}
	day := int32(d)
	jitter := 0.9 + 0.2*rng.Float64() // some days are simply busier
	n := 0
	for wl := range numWorkloads {
		level := float32(a.level(wl, d))
		if level == 0 {
			continue
		}
		present := a.work[d]
		if present < 0.5 {
			present *= workloadModels[wl].weekend // mail gets read at weekends, slides rarely get edited
		}
		f := float32(present * a.activity(wl, d) * jitter)
		for ui := range a.users {
			u := &a.users[ui]
			if day < u.join || day >= u.leave || u.tau[wl] >= level {
				continue
			}
			p := u.freq[wl] * f
			if since := day - u.join; u.join >= 0 && since < 21 {
				p *= 0.35 + 0.65*float32(since)/21 // new starters take a few weeks to settle in
			}
			if rng.Float32() >= p {
				continue
			}
			count := 1 + int(u.count[wl]*(0.15+1.7*rng.Float32()))
			buf = append(buf, date...)
			buf = append(buf, ',')
			buf = append(buf, id...)
			buf = append(buf, ',')
			buf = append(buf, u.upn...)
			buf = append(buf, ',')
			buf = append(buf, names[wl]...)
			buf = append(buf, ',')
			buf = strconv.AppendInt(buf, int64(count), 10)
			buf = append(buf, '\n')
			n++
		}
	}
	return buf, n
}
