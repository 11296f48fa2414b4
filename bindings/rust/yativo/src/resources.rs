//! Accounts, assets, balances and transactions: generated from api/endpoints.toml.

use std::ptr;

use serde_json::Value;
use yativo_sys as sys;

use crate::error::Result;
use crate::ffi::{c_ptr, c_string, check, opt_c_string, CStringArray};
use crate::handle::resource_handle;

// BEGIN GENERATED: endpoints (python3 -m codegen; do not edit)
use crate::records::{Account, Asset, Balance, Customer, Transaction, Transfer};

resource_handle!(
    /// Accounts hold assets.
    Accounts
);

impl Accounts<'_> {
    /// The accounts of the user.
    pub fn list(&self) -> Result<Vec<Account>> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_accounts(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Account::take_list(out) })
    }

    /// Creates an account.
    ///
    /// - `account_name`: the account's name
    /// - `account_type`: the account's type; `None` = the core's default, `"business"`
    pub fn create(&self, account_name: &str, account_type: Option<&str>) -> Result<Account> {
        let account_name = c_string(account_name, "account name")?;
        let account_type = opt_c_string(account_type, "account type")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_create_account(
                c,
                account_name.as_ptr(),
                c_ptr(&account_type),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Account::take(out) })
    }

    /// The wallet connections of one account, or of every account.
    ///
    /// - `account_id`: the account's id; unset = every account
    pub fn get_connections(&self, account_id: Option<&str>) -> Result<Value> {
        let account_id = opt_c_string(account_id, "account id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_get_account_connections(c, c_ptr(&account_id), call, out, err)
        })
    }

    /// Connects an account to chains (every supported chain when none are named); a chain
    /// already connected stays as it was.
    ///
    /// - `account_id`: the account's id
    /// - `chains`: the chains to connect; empty = every supported chain
    pub fn create_connections(&self, account_id: &str, chains: &[&str]) -> Result<Value> {
        let account_id = c_string(account_id, "account id")?;
        let chains = CStringArray::new(chains, "chains")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_create_account_connections(
                c,
                account_id.as_ptr(),
                chains.as_ptr(),
                chains.len(),
                call,
                out,
                err,
            )
        })
    }
}

resource_handle!(
    /// Assets: one chain and token within an account.
    Assets
);

impl Assets<'_> {
    /// Adds an asset (a chain and token, with its deposit address) to an account.
    ///
    /// - `account_id`: the account's id
    /// - `chain`: the chain, e.g. ethereum, solana
    /// - `ticker`: the token, e.g. USDC
    pub fn add(&self, account_id: &str, chain: &str, ticker: &str) -> Result<Asset> {
        let account_id = c_string(account_id, "account id")?;
        let chain = c_string(chain, "chain")?;
        let ticker = c_string(ticker, "ticker")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_add_asset(
                c,
                account_id.as_ptr(),
                chain.as_ptr(),
                ticker.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Asset::take(out) })
    }

    /// The assets of one account, or of every account.
    ///
    /// - `account_id`: the account's id; unset = every account
    pub fn list(&self, account_id: Option<&str>) -> Result<Vec<Asset>> {
        let account_id = opt_c_string(account_id, "account id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_assets(c, c_ptr(&account_id), call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Asset::take_list(out) })
    }
}

resource_handle!(
    /// Balances of assets.
    Balances
);

impl Balances<'_> {
    /// The balance of one asset; amounts are exact decimal text.
    ///
    /// - `asset_id`: the asset's id
    pub fn check(&self, asset_id: &str) -> Result<Balance> {
        let asset_id = c_string(asset_id, "asset id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_check_balance(c, asset_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Balance::take(out) })
    }
}

/// The parameters of [`Transactions::send_funds`].
#[derive(Clone, Copy, Debug, Default)]
pub struct SendFunds<'a> {
    /// The account's id
    pub account: &'a str,
    /// The id of the asset to send from
    pub assets: &'a str,
    /// The destination address, checked against the chain
    pub receiving_address: &'a str,
    /// The amount, > 0, at most 18 decimals
    pub amount: &'a str,
    /// The token symbol (USDC for a USDC_SOL asset)
    pub r#type: &'a str,
    /// The chain
    pub chain: &'a str,
    /// The transfer's category
    pub category: &'a str,
    /// Low, medium or high (slow and fast are aliases); `None` = the core's default, `"medium"`
    pub priority: Option<&'a str>,
    /// A note kept with the transfer; `None` = unset
    pub description: Option<&'a str>,
    /// Pay gas from the asset itself
    pub use_self_funding: bool,
}

/// The parameters of [`Transactions::list`].
#[derive(Clone, Copy, Debug, Default)]
pub struct TransactionQuery<'a> {
    /// The page, from 1; `None` = the core's default, `1`
    pub page: Option<u32>,
    /// Items per page, 1..100; unset = the server's default
    pub limit: Option<u32>,
    /// Only transactions in this status; `None` = unset
    pub status: Option<&'a str>,
    /// Only transactions on this chain; `None` = unset
    pub chain: Option<&'a str>,
    /// A hash, address or id to look for; `None` = unset
    pub search: Option<&'a str>,
}

resource_handle!(
    /// Gas prices, transfers and the transaction history.
    Transactions
);

/// The C parameter handle of [`Transactions::send_funds`], freed on drop.
pub(crate) struct RawSend(pub(crate) *mut sys::yv_send);

impl Drop for RawSend {
    fn drop(&mut self) {
        unsafe { sys::yv_send_free(self.0) };
    }
}

impl SendFunds<'_> {
    /// The C parameter handle of these parameters (each set one is checked by its setter).
    pub(crate) fn c_handle(&self) -> Result<RawSend> {
        let mut raw = RawSend(ptr::null_mut());
        check(|err| unsafe { sys::yv_send_new(&mut raw.0, err) })?;
        let account = c_string(self.account, "account")?;
        check(|err| unsafe { sys::yv_send_set_account(raw.0, account.as_ptr(), err) })?;
        let assets = c_string(self.assets, "assets")?;
        check(|err| unsafe { sys::yv_send_set_assets(raw.0, assets.as_ptr(), err) })?;
        let receiving_address = c_string(self.receiving_address, "receiving address")?;
        check(|err| unsafe {
            sys::yv_send_set_receiving_address(raw.0, receiving_address.as_ptr(), err)
        })?;
        let amount = c_string(self.amount, "amount")?;
        check(|err| unsafe { sys::yv_send_set_amount(raw.0, amount.as_ptr(), err) })?;
        let type_ = c_string(self.r#type, "type")?;
        check(|err| unsafe { sys::yv_send_set_type(raw.0, type_.as_ptr(), err) })?;
        let chain = c_string(self.chain, "chain")?;
        check(|err| unsafe { sys::yv_send_set_chain(raw.0, chain.as_ptr(), err) })?;
        let category = c_string(self.category, "category")?;
        check(|err| unsafe { sys::yv_send_set_category(raw.0, category.as_ptr(), err) })?;
        if let Some(priority) = self.priority {
            let priority = c_string(priority, "priority")?;
            check(|err| unsafe { sys::yv_send_set_priority(raw.0, priority.as_ptr(), err) })?;
        }
        if let Some(description) = self.description {
            let description = c_string(description, "description")?;
            check(|err| unsafe { sys::yv_send_set_description(raw.0, description.as_ptr(), err) })?;
        }
        check(|err| unsafe {
            sys::yv_send_set_use_self_funding(raw.0, self.use_self_funding, err)
        })?;
        Ok(raw)
    }
}

/// The C parameter handle of [`Transactions::list`], freed on drop.
pub(crate) struct RawTxQuery(pub(crate) *mut sys::yv_tx_query);

impl Drop for RawTxQuery {
    fn drop(&mut self) {
        unsafe { sys::yv_tx_query_free(self.0) };
    }
}

impl TransactionQuery<'_> {
    /// The C parameter handle of these parameters (each set one is checked by its setter).
    pub(crate) fn c_handle(&self) -> Result<RawTxQuery> {
        let mut raw = RawTxQuery(ptr::null_mut());
        check(|err| unsafe { sys::yv_tx_query_new(&mut raw.0, err) })?;
        if let Some(page) = self.page {
            check(|err| unsafe { sys::yv_tx_query_set_page(raw.0, page, err) })?;
        }
        if let Some(limit) = self.limit {
            check(|err| unsafe { sys::yv_tx_query_set_limit(raw.0, limit, err) })?;
        }
        if let Some(status) = self.status {
            let status = c_string(status, "status")?;
            check(|err| unsafe { sys::yv_tx_query_set_status(raw.0, status.as_ptr(), err) })?;
        }
        if let Some(chain) = self.chain {
            let chain = c_string(chain, "chain")?;
            check(|err| unsafe { sys::yv_tx_query_set_chain(raw.0, chain.as_ptr(), err) })?;
        }
        if let Some(search) = self.search {
            let search = c_string(search, "search")?;
            check(|err| unsafe { sys::yv_tx_query_set_search(raw.0, search.as_ptr(), err) })?;
        }
        Ok(raw)
    }
}

impl Transactions<'_> {
    /// A gas price estimate for a chain.
    ///
    /// - `chain`: the chain
    /// - `priority`: low, medium or high (slow and fast are aliases); `None` = the core's
    ///   default, `"medium"`
    /// - `extra_fields`: further body fields, as a JSON object; `None` = unset
    pub fn gas_price(
        &self,
        chain: &str,
        priority: Option<&str>,
        extra_fields: Option<&Value>,
    ) -> Result<Value> {
        let chain = c_string(chain, "chain")?;
        let priority = opt_c_string(priority, "priority")?;
        let extra_fields = extra_fields
            .map(|v| c_string(&v.to_string(), "extra fields"))
            .transpose()?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_gas_price(
                c,
                chain.as_ptr(),
                c_ptr(&priority),
                c_ptr(&extra_fields),
                call,
                out,
                err,
            )
        })
    }

    /// Sends funds. Always carries an Idempotency-Key (the call's, or one the core generates),
    /// returned with the result and on every error; after an error whose outcome is unknown,
    /// call again with that key: the transfer happens once.
    ///
    /// Sends `X-2FA-Token` when the call gives a code, or from the client's TOTP secret when
    /// the server asks for one.
    ///
    /// The [`Transfer`]'s `idempotency_key` is the key the call carried: the call's, or the one
    /// the core generated.
    pub fn send_funds(&self, params: &SendFunds<'_>) -> Result<Transfer> {
        let raw = params.c_handle()?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_send_funds(c, raw.0, call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Transfer::take(out) })
    }

    /// One page of the transaction history, newest first.
    pub fn list(&self, params: &TransactionQuery<'_>) -> Result<Vec<Transaction>> {
        let raw = params.c_handle()?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_transactions(c, raw.0, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Transaction::take_list(out) })
    }
}

resource_handle!(
    /// Customers of the platform, with their wallets and transactions.
    Customers
);

impl Customers<'_> {
    /// Creates a customer.
    ///
    /// - `email`: the customer's e-mail address
    /// - `name`: the customer's name; `None` = unset
    /// - `phone`: the phone number; `None` = unset
    /// - `metadata`: your own data kept with the customer (any JSON value); `None` = unset
    pub fn create(
        &self,
        email: &str,
        name: Option<&str>,
        phone: Option<&str>,
        metadata: Option<&Value>,
    ) -> Result<Customer> {
        let email = c_string(email, "email")?;
        let name = opt_c_string(name, "name")?;
        let phone = opt_c_string(phone, "phone")?;
        let metadata = metadata
            .map(|v| c_string(&v.to_string(), "metadata"))
            .transpose()?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_create_customer(
                c,
                email.as_ptr(),
                c_ptr(&name),
                c_ptr(&phone),
                c_ptr(&metadata),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Customer::take(out) })
    }
}
// END GENERATED: endpoints
