use std::ptr;

use serde_json::Value;
use yativo_sys as sys;

use crate::call::CallOptions;
use crate::error::Result;
use crate::ffi::{c_string, check, Buffer};
use crate::handle::resource_handle;

/// `Some(s)` as a C string, `None` as NULL.
fn opt_c(value: Option<&str>, what: &str) -> Result<Option<std::ffi::CString>> {
    value.map(|v| c_string(v, what)).transpose()
}

fn ptr_of(c: &Option<std::ffi::CString>) -> *const std::os::raw::c_char {
    c.as_ref().map_or(ptr::null(), |c| c.as_ptr())
}

resource_handle!(
    /// Accounts. Payloads are JSON with every number as a string.
    Accounts
);

impl Accounts<'_> {
    pub fn list(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_list_accounts(c, call, out, err)
        })
    }

    /// `account_type` `None` = `"business"`.
    pub fn create(&self, account_name: &str, account_type: Option<&str>) -> Result<Value> {
        let name = c_string(account_name, "account name")?;
        let kind = opt_c(account_type, "account type")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_create_account(c, name.as_ptr(), ptr_of(&kind), call, out, err)
        })
    }
}

resource_handle!(
    /// Assets (a chain + ticker in an account, with its wallet address and balance).
    Assets
);

impl Assets<'_> {
    pub fn add(&self, account_id: &str, chain: &str, ticker: &str) -> Result<Value> {
        let account = c_string(account_id, "account id")?;
        let chain = c_string(chain, "chain")?;
        let ticker = c_string(ticker, "ticker")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_add_asset(
                c,
                account.as_ptr(),
                chain.as_ptr(),
                ticker.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// The assets of one account, or of every account with `None`.
    pub fn list(&self, account_id: Option<&str>) -> Result<Value> {
        let account = opt_c(account_id, "account id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_list_assets(c, ptr_of(&account), call, out, err)
        })
    }
}

resource_handle!(
    /// Balances.
    Balance
);

impl Balance<'_> {
    /// The asset's balance; `payload["balance"]` is a decimal string.
    pub fn check(&self, asset_id: &str) -> Result<Value> {
        let asset = c_string(asset_id, "asset id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_check_balance(c, asset.as_ptr(), call, out, err)
        })
    }
}

/// Send-funds parameters. `amount` is a decimal string (> 0, at most 18 decimals), written to
/// the wire with exactly those digits.
#[derive(Clone, Copy, Debug, Default)]
pub struct SendFunds<'a> {
    /// Account id.
    pub account: &'a str,
    /// The asset id to send from.
    pub assets: &'a str,
    pub receiving_address: &'a str,
    pub amount: &'a str,
    /// The token symbol, the API's `type` field: `"USDC"` for a `USDC_SOL` asset.
    pub r#type: &'a str,
    pub chain: &'a str,
    /// `personal`, `business`, `payment`, …
    pub category: &'a str,
    /// `low | medium | high` (`slow`/`fast` aliases); `None` = `medium`.
    pub priority: Option<&'a str>,
    pub description: Option<&'a str>,
    pub use_self_funding: bool,
}

/// Transaction list filters; all optional.
#[derive(Clone, Copy, Debug, Default)]
pub struct TransactionQuery<'a> {
    /// From 1.
    pub page: Option<u32>,
    /// 1..=100.
    pub limit: Option<u32>,
    pub status: Option<&'a str>,
    pub chain: Option<&'a str>,
    /// A transaction id or hash.
    pub search: Option<&'a str>,
}

resource_handle!(
    /// Gas prices, transfers and the transaction history.
    Transactions
);

struct RawSend(*mut sys::yv_send);

impl Drop for RawSend {
    fn drop(&mut self) {
        unsafe { sys::yv_send_free(self.0) };
    }
}

struct RawQuery(*mut sys::yv_tx_query);

impl Drop for RawQuery {
    fn drop(&mut self) {
        unsafe { sys::yv_tx_query_free(self.0) };
    }
}

type SendSetter = unsafe extern "C" fn(
    *mut sys::yv_send,
    *const std::os::raw::c_char,
    *mut *mut sys::yv_error,
) -> sys::yv_status;

type QuerySetter = unsafe extern "C" fn(
    *mut sys::yv_tx_query,
    *const std::os::raw::c_char,
    *mut *mut sys::yv_error,
) -> sys::yv_status;

impl Transactions<'_> {
    /// The network fee estimate for `chain`; `priority` `None` = `medium`; `extra` adds
    /// further fields (a JSON object).
    pub fn gas_price(
        &self,
        chain: &str,
        priority: Option<&str>,
        extra: Option<&Value>,
    ) -> Result<Value> {
        let chain = c_string(chain, "chain")?;
        let priority = opt_c(priority, "priority")?;
        let extra = extra
            .map(|v| c_string(&v.to_string(), "extra fields"))
            .transpose()?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_gas_price(
                c,
                chain.as_ptr(),
                ptr_of(&priority),
                ptr_of(&extra),
                call,
                out,
                err,
            )
        })
    }

    /// Sends funds. Always carries an `Idempotency-Key` (the call's, or a generated UUIDv4),
    /// reused on every retry; the payload's `"idempotency_key"` holds it, and so does the
    /// error (`Error::idempotency_key`) on failure, to retry safely with the same key.
    pub fn send_funds(&self, params: &SendFunds<'_>) -> Result<Value> {
        let mut send = RawSend(ptr::null_mut());
        check(|err| unsafe { sys::yv_send_new(&mut send.0, err) })?;
        let s = send.0;
        let fields: [(&str, &str, SendSetter); 7] = [
            (params.account, "account", sys::yv_send_set_account),
            (params.assets, "assets", sys::yv_send_set_assets),
            (
                params.receiving_address,
                "receiving address",
                sys::yv_send_set_receiving_address,
            ),
            (params.amount, "amount", sys::yv_send_set_amount),
            (params.r#type, "type", sys::yv_send_set_type),
            (params.chain, "chain", sys::yv_send_set_chain),
            (params.category, "category", sys::yv_send_set_category),
        ];
        for (value, what, setter) in fields {
            let v = c_string(value, what)?;
            check(|err| unsafe { setter(s, v.as_ptr(), err) })?;
        }
        if let Some(p) = params.priority {
            let v = c_string(p, "priority")?;
            check(|err| unsafe { sys::yv_send_set_priority(s, v.as_ptr(), err) })?;
        }
        if let Some(d) = params.description {
            let v = c_string(d, "description")?;
            check(|err| unsafe { sys::yv_send_set_description(s, v.as_ptr(), err) })?;
        }
        if params.use_self_funding {
            check(|err| unsafe { sys::yv_send_set_use_self_funding(s, true, err) })?;
        }
        let c = self.client.as_ptr();
        let mut key = Buffer::null();
        let mut payload = self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_send_funds(c, s, call, out, &mut key.0, err)
        })?;
        // The whole answer (CallOptions::envelope) holds the key in its `data`, as it is.
        let envelope = self.opts.is_some_and(CallOptions::wants_envelope);
        if let (Value::Object(map), false) = (&mut payload, envelope) {
            map.entry("idempotency_key")
                .or_insert_with(|| Value::String(key.text()));
        }
        Ok(payload)
    }

    /// A page of the history (newest first); the default query is the first page. With
    /// [`CallOptions::envelope`] the whole answer, whose `pagination` holds `page`, `limit`,
    /// `total` and `pages`.
    pub fn list(&self, query: &TransactionQuery<'_>) -> Result<Value> {
        let mut q = RawQuery(ptr::null_mut());
        check(|err| unsafe { sys::yv_tx_query_new(&mut q.0, err) })?;
        let raw = q.0;
        if let Some(page) = query.page {
            check(|err| unsafe { sys::yv_tx_query_set_page(raw, page, err) })?;
        }
        if let Some(limit) = query.limit {
            check(|err| unsafe { sys::yv_tx_query_set_limit(raw, limit, err) })?;
        }
        let filters: [(Option<&str>, &str, QuerySetter); 3] = [
            (query.status, "status", sys::yv_tx_query_set_status),
            (query.chain, "chain", sys::yv_tx_query_set_chain),
            (query.search, "search", sys::yv_tx_query_set_search),
        ];
        for (value, what, setter) in filters {
            if let Some(v) = value {
                let v = c_string(v, what)?;
                check(|err| unsafe { setter(raw, v.as_ptr(), err) })?;
            }
        }
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_list_transactions(c, raw, call, out, err)
        })
    }
}
