package site

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"math"
	"reflect"
	"slices"
	"sync"
	"unsafe"
)

// viewSums sums up page views: two views with the same sum hold the same
// values, field by field, all the way down — what a theme's template can
// read of them — so the same theme makes the same page of them.
//
// A view holding a function or a channel has no sum (a template may call
// it, and what it gives is not in the view); nor has one that holds
// itself. Each value a pointer points to is summed once and its sum kept
// by the pointer, so the site's header, which every page's view points to,
// is gone through once per build: the views must stay in memory, unchanged,
// while they are summed and rendered (a freed view's address could be
// another's).
type viewSums struct {
	mu  sync.Mutex
	ptr map[ptrKey]ptrSum
}

type ptrKey struct {
	p unsafe.Pointer
	t reflect.Type
}

type ptrSum struct {
	sum  [sha256.Size]byte
	ok   bool
	done bool // false while a goroutine works it out
}

// sum is the SHA-256 of the view v; false when it has none.
func (vs *viewSums) sum(v any) ([sha256.Size]byte, bool) {
	w := summer{vs: vs, h: sha256.New(), stack: map[ptrKey]bool{}}
	ok := w.value(reflect.ValueOf(v))
	var s [sha256.Size]byte
	w.flush()
	copy(s[:], w.h.Sum(nil))
	return s, ok
}

// summer writes one value's parts into its hash, through a buffer (a
// view has many small parts).
type summer struct {
	vs    *viewSums
	h     hash.Hash
	buf   []byte
	stack map[ptrKey]bool // the pointers being summed, to meet a value holding itself
}

func (w *summer) flush() {
	w.h.Write(w.buf)
	w.buf = w.buf[:0]
}

func (w *summer) tag(b byte) { w.buf = append(w.buf, b) }

func (w *summer) uint(u uint64) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, u)
	if len(w.buf) > 4096 {
		w.flush()
	}
}

func (w *summer) text(s string) {
	w.uint(uint64(len(s)))
	w.buf = append(w.buf, s...)
	if len(w.buf) > 4096 {
		w.flush()
	}
}

// value writes v, reporting false when it cannot be summed.
func (w *summer) value(v reflect.Value) bool {
	if !v.IsValid() {
		w.tag(0)
		return true
	}
	w.tag(byte(v.Kind()))
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			w.tag(1)
		} else {
			w.tag(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.uint(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		w.uint(v.Uint())
	case reflect.Float32, reflect.Float64:
		w.uint(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		w.uint(math.Float64bits(real(c)))
		w.uint(math.Float64bits(imag(c)))
	case reflect.String:
		w.text(v.String())
	case reflect.Array:
		w.uint(uint64(v.Len()))
		for i := range v.Len() {
			if !w.value(v.Index(i)) {
				return false
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			w.tag(0)
			return true
		}
		w.tag(1)
		if v.Type().Elem().Kind() == reflect.Uint8 {
			w.text(string(v.Bytes()))
			return true
		}
		w.uint(uint64(v.Len()))
		for i := range v.Len() {
			if !w.value(v.Index(i)) {
				return false
			}
		}
	case reflect.Struct:
		w.text(v.Type().String())
		for i := range v.NumField() {
			if !w.value(v.Field(i)) {
				return false
			}
		}
	case reflect.Map:
		if v.IsNil() {
			w.tag(0)
			return true
		}
		w.tag(1)
		// Map order is random: each entry is summed on its own, and the
		// sums are taken in order.
		var entries [][sha256.Size]byte
		for it := v.MapRange(); it.Next(); {
			e := summer{vs: w.vs, h: sha256.New(), stack: w.stack}
			if !e.value(it.Key()) || !e.value(it.Value()) {
				return false
			}
			e.flush()
			entries = append(entries, [sha256.Size]byte(e.h.Sum(nil)))
		}
		slices.SortFunc(entries, func(a, b [sha256.Size]byte) int { return slices.Compare(a[:], b[:]) })
		w.uint(uint64(len(entries)))
		for _, e := range entries {
			w.buf = append(w.buf, e[:]...)
		}
	case reflect.Interface:
		if v.IsNil() {
			w.tag(0)
			return true
		}
		w.tag(1)
		w.text(v.Elem().Type().String())
		return w.value(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			w.tag(0)
			return true
		}
		w.tag(1)
		s, ok := w.pointer(v)
		w.buf = append(w.buf, s[:]...)
		return ok
	case reflect.Func, reflect.Chan:
		if v.IsNil() {
			w.tag(0)
			return true
		}
		return false
	default: // unsafe pointers
		return false
	}
	return true
}

// pointer is the sum of what the pointer v points to, worked out once
// (while another goroutine works it out, this one works it out too,
// rather than wait); false when it cannot be summed or holds itself.
func (w *summer) pointer(v reflect.Value) ([sha256.Size]byte, bool) {
	k := ptrKey{v.UnsafePointer(), v.Type()}
	if w.stack[k] {
		return [sha256.Size]byte{}, false
	}
	vs := w.vs
	vs.mu.Lock()
	s, found := vs.ptr[k]
	if found && s.done {
		vs.mu.Unlock()
		return s.sum, s.ok
	}
	if !found {
		if vs.ptr == nil {
			vs.ptr = map[ptrKey]ptrSum{}
		}
		vs.ptr[k] = ptrSum{} // this goroutine works it out
	}
	vs.mu.Unlock()
	w.stack[k] = true
	e := summer{vs: vs, h: sha256.New(), stack: w.stack}
	e.text(v.Type().String())
	ok := e.value(v.Elem())
	e.flush()
	delete(w.stack, k)
	s = ptrSum{sum: [sha256.Size]byte(e.h.Sum(nil)), ok: ok, done: true}
	if !found {
		vs.mu.Lock()
		vs.ptr[k] = s
		vs.mu.Unlock()
	}
	return s.sum, s.ok
}
