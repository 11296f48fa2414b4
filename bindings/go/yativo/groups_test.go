package yativo_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/libyativo/libyativo/bindings/go/yativo"
)

// Auto-forwarding rules: 2FA writes (the admin client's TOTP secret), exact decimal percentages,
// json settings, what one call changes the next one sees.
func TestAutoForwardingRules(t *testing.T) {
	c := shared.admin(t)
	acc, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "go-fwd"})
	if err != nil {
		t.Fatal(err)
	}
	asset, err := c.Assets.Add(ctx(t), yativo.AddAssetParams{AccountID: acc.ID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		t.Fatal(err)
	}
	rule, err := c.AutoForwarding.Create(ctx(t), yativo.CreateForwardingRuleParams{
		DestinationAddress: solanaDst, Percentage: "33.333333333333333333", MonitoringMode: "all_wallets",
		AssetID: asset.ID, Chain: "solana", Settings: json.RawMessage(`{"memo":"go"}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	if rule.Percentage != "33.333333333333333333" || rule.Enabled == nil || !*rule.Enabled {
		t.Fatalf("created: %+v", rule)
	}
	updated, err := c.AutoForwarding.Update(ctx(t), rule.ID, yativo.UpdateForwardingRuleParams{Enabled: yativo.Bool(false)})
	if err != nil {
		t.Fatal(err)
	}
	if updated.Enabled == nil || *updated.Enabled {
		t.Fatalf("updated: %+v", updated)
	}
	list, err := c.AutoForwarding.List(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range list {
		found = found || (r.ID == rule.ID && r.Enabled != nil && !*r.Enabled)
	}
	if !found {
		t.Fatalf("rule %s not listed disabled: %+v", rule.ID, list)
	}
	if err := c.AutoForwarding.Delete(ctx(t), rule.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.AutoForwarding.Get(ctx(t), rule.ID); !errors.Is(err, yativo.ErrNotFound) {
		t.Fatalf("deleted rule: %v", err)
	}
}

// Enabled is a *bool: nil sends nothing (the server's default on create, no change on update);
// yativo.Bool(true) and yativo.Bool(false) are sent as they are.
func TestAutoForwardingEnabledTrueFalseOrUnset(t *testing.T) {
	c := shared.admin(t)
	acc, err := c.Accounts.Create(ctx(t), yativo.CreateAccountParams{Name: "go-fwd-enabled"})
	if err != nil {
		t.Fatal(err)
	}
	asset, err := c.Assets.Add(ctx(t), yativo.AddAssetParams{AccountID: acc.ID, Chain: "solana", Ticker: "USDC_SOL"})
	if err != nil {
		t.Fatal(err)
	}
	enabled := func(r *yativo.AutoForwardingRule, err error) bool {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		if r.Enabled == nil {
			t.Fatalf("no enabled in %s", r.Raw)
		}
		return *r.Enabled
	}
	create := func(e *bool) (*yativo.AutoForwardingRule, error) {
		return c.AutoForwarding.Create(ctx(t), yativo.CreateForwardingRuleParams{
			DestinationAddress: solanaDst, Percentage: "10", MonitoringMode: "all_wallets",
			AssetID: asset.ID, Chain: "solana", Enabled: e,
		})
	}
	if !enabled(create(nil)) {
		t.Fatal("unset on create: the server's default is enabled")
	}
	if !enabled(create(yativo.Bool(true))) {
		t.Fatal("created with true: disabled")
	}
	rule, err := create(yativo.Bool(false))
	if enabled(rule, err) {
		t.Fatal("created with false: enabled")
	}
	update := func(p yativo.UpdateForwardingRuleParams) (*yativo.AutoForwardingRule, error) {
		return c.AutoForwarding.Update(ctx(t), rule.ID, p)
	}
	same, err := update(yativo.UpdateForwardingRuleParams{Percentage: "20"})
	if enabled(same, err) || same.Percentage != "20" {
		t.Fatalf("unset on update changed enabled: %+v", same)
	}
	if !enabled(update(yativo.UpdateForwardingRuleParams{Enabled: yativo.Bool(true)})) {
		t.Fatal("update with true: still paused")
	}
	if !enabled(update(yativo.UpdateForwardingRuleParams{Percentage: "30"})) {
		t.Fatal("unset on update paused the rule")
	}
	if enabled(update(yativo.UpdateForwardingRuleParams{Enabled: yativo.Bool(false)})) {
		t.Fatal("update with false: still enabled")
	}
	got, err := c.AutoForwarding.Get(ctx(t), rule.ID)
	if enabled(got, err) || got.Percentage != "30" {
		t.Fatalf("got: %+v", got)
	}
}

// One webhook: get, update, deactivate/activate, test, and its deliveries.
func TestWebhookLifecycle(t *testing.T) {
	c := shared.admin(t)
	hook, err := c.Webhooks.Create(ctx(t), yativo.CreateWebhookParams{URL: "https://example.com/go", Events: []string{"transaction.confirmed"}})
	if err != nil {
		t.Fatal(err)
	}
	upd, err := c.Webhooks.Update(ctx(t), hook.ID, yativo.UpdateWebhookParams{Description: "go note", Events: []string{"transaction.failed"}})
	if err != nil {
		t.Fatal(err)
	}
	if upd.Description != "go note" || len(upd.Events) != 1 || upd.Events[0] != "transaction.failed" {
		t.Fatalf("updated: %+v", upd)
	}
	if _, err := c.Webhooks.Deactivate(ctx(t), hook.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Webhooks.Test(ctx(t), hook.ID); !errors.Is(err, yativo.ErrConflict) {
		t.Fatalf("test of an inactive webhook: %v", err)
	}
	if _, err := c.Webhooks.Activate(ctx(t), hook.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Webhooks.Test(ctx(t), hook.ID); err != nil {
		t.Fatal(err)
	}
	events, err := c.Webhooks.Events(ctx(t), hook.ID, yativo.ListWebhookEventsParams{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 1 || events[0].Type != "webhook.test" || events[0].WebhookID != hook.ID {
		t.Fatalf("events: %+v", events)
	}
	got, err := c.Webhooks.Get(ctx(t), hook.ID)
	if err != nil || got.ID != hook.ID {
		t.Fatalf("get: %+v %v", got, err)
	}
}
