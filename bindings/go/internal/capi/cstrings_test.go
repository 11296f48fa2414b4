package capi

import "testing"

// Free releases every copy the arena made and wipes exactly the secrets' copies; the arena is
// empty (and reusable) afterwards.
func TestCStringsFreeWipesTheSecretsOnly(t *testing.T) {
	var cs cstrings
	cs.str("plain")
	cs.secret("CANARY-secret")
	if cs.opt("") != nil {
		t.Error(`opt("") is not NULL`)
	}
	if p, n := cs.list([]string{"read", "write"}); p == nil || n != 2 {
		t.Errorf("list: %v, %d", p, n)
	}
	if p, n := cs.list(nil); p != nil || n != 0 {
		t.Errorf("empty list: %v, %d", p, n)
	}
	if len(cs.copies) != 4 {
		t.Fatalf("%d copies, want 4", len(cs.copies))
	}
	before := secretCopiesWiped.Load()
	cs.Free()
	if got := secretCopiesWiped.Load() - before; got != 1 {
		t.Errorf("wiped %d copies, want 1", got)
	}
	if len(cs.copies) != 0 {
		t.Errorf("%d copies left after Free", len(cs.copies))
	}
}
