package store

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"
)

// appendRowBinary writes a normalized value in ClickHouse's RowBinary format,
// which chDB loads several times faster than text: no parsing, no escaping.
func appendRowBinary(b []byte, v any, ct colType) []byte {
	if ct.nullable {
		if v == nil {
			return append(b, 1)
		}
		b = append(b, 0)
	}
	switch x := v.(type) {
	case string:
		b = binary.AppendUvarint(b, uint64(len(x)))
		return append(b, x...)
	case int8:
		return append(b, byte(x))
	case int16:
		return binary.LittleEndian.AppendUint16(b, uint16(x))
	case int32:
		return binary.LittleEndian.AppendUint32(b, uint32(x))
	case int64:
		return binary.LittleEndian.AppendUint64(b, uint64(x))
	case uint8:
		return append(b, x)
	case uint16:
		return binary.LittleEndian.AppendUint16(b, x)
	case uint32:
		return binary.LittleEndian.AppendUint32(b, x)
	case uint64:
		return binary.LittleEndian.AppendUint64(b, x)
	case float32:
		return binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
	case float64:
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
	case time.Time:
		if ct.base == "Date" {
			return binary.LittleEndian.AppendUint16(b, uint16(x.Unix()/86400))
		}
		return binary.LittleEndian.AppendUint32(b, uint32(x.Unix()))
	case []string:
		b = binary.AppendUvarint(b, uint64(len(x)))
		for _, s := range x {
			b = binary.AppendUvarint(b, uint64(len(s)))
			b = append(b, s...)
		}
		return b
	}
	panic(fmt.Sprintf("store: appendRowBinary got unnormalized %T", v)) // normalize guarantees the types above
}
