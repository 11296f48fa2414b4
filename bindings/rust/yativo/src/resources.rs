//! Accounts, assets, balances and transactions: generated from api/endpoints.toml.

use std::ptr;

use serde_json::Value;
use yativo_sys as sys;

use crate::error::Result;
use crate::ffi::{c_ptr, c_string, check, opt_c_string, optional_bool, CStringArray};
use crate::handle::resource_handle;

// BEGIN GENERATED: endpoints (python3 -m codegen; do not edit)
use crate::records::{
    Account, Asset, AutoForwardingRule, Balance, Card, CardAccount, CardFunding, CardOrder,
    CardOrderPayment, CardTransaction, Customer, IbanStatus, Session, SpendingLimits,
    SwapExecution, SwapHistoryItem, SwapQuote, Transaction, Transfer,
};

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

    /// The accounts of a user (yourself); a customer holds wallets, not accounts.
    ///
    /// - `user_id`: the user's or customer's id
    pub fn get_by_user_id(&self, user_id: &str) -> Result<Vec<Account>> {
        let user_id = c_string(user_id, "user id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_user_accounts(c, user_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Account::take_list(out) })
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

    /// The catalogue of supported assets: chain, ticker, decimals, price.
    pub fn get_all_supported(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_list_supported_assets(c, call, out, err)
        })
    }

    /// The supported chains: id, name, explorer.
    pub fn get_chains(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_list_chains(c, call, out, err)
        })
    }

    /// Adds several assets to an account at once: chains[i] with tickers[i]; all or none are
    /// added.
    ///
    /// - `account_id`: the account's id
    /// - `chains`: the chains, e.g. solana, ethereum
    /// - `tickers`: the token of each chain, in the same order; empty = each chain's native
    ///   token
    pub fn create_batch(
        &self,
        account_id: &str,
        chains: &[&str],
        tickers: &[&str],
    ) -> Result<Vec<Asset>> {
        let account_id = c_string(account_id, "account id")?;
        let chains = CStringArray::new(chains, "chains")?;
        let tickers = CStringArray::new(tickers, "tickers")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_add_assets(
                c,
                account_id.as_ptr(),
                chains.as_ptr(),
                chains.len(),
                tickers.as_ptr(),
                tickers.len(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Asset::take_list(out) })
    }

    /// The assets of a user (yourself) or of one of your customers.
    ///
    /// - `user_id`: the user's or customer's id
    pub fn get_by_user_id(&self, user_id: &str) -> Result<Vec<Asset>> {
        let user_id = c_string(user_id, "user id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_user_assets(c, user_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Asset::take_list(out) })
    }

    /// Archives an asset: it leaves the lists and can no longer send; deposits still credit it.
    ///
    /// - `asset_id`: the asset's id
    pub fn archive(&self, asset_id: &str) -> Result<Asset> {
        let asset_id = c_string(asset_id, "asset id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_archive_asset(c, asset_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Asset::take(out) })
    }

    /// Adds a gas-station wallet for a chain: it pays the gas of your transfers on that chain.
    ///
    /// - `chain`: the chain
    /// - `ticker`: the chain's native token, e.g. ETH
    pub fn create_gas_station(&self, chain: &str, ticker: &str) -> Result<Asset> {
        let chain = c_string(chain, "chain")?;
        let ticker = c_string(ticker, "ticker")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_add_gas_station(c, chain.as_ptr(), ticker.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Asset::take(out) })
    }

    /// Your gas-station wallets.
    pub fn get_gas_stations(&self) -> Result<Vec<Asset>> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_gas_stations(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Asset::take_list(out) })
    }

    /// Adds a wallet (a chain and token) for one of your customers.
    ///
    /// - `customer_id`: the customer's id
    /// - `chain`: the chain
    /// - `ticker`: the token, e.g. USDC_SOL
    pub fn create_customer_asset(
        &self,
        customer_id: &str,
        chain: &str,
        ticker: &str,
    ) -> Result<Asset> {
        let customer_id = c_string(customer_id, "customer id")?;
        let chain = c_string(chain, "chain")?;
        let ticker = c_string(ticker, "ticker")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_add_customer_asset(
                c,
                customer_id.as_ptr(),
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

    /// The wallets of one customer, or of every customer.
    ///
    /// - `customer_id`: the customer's id; unset = every customer
    pub fn get_customer_assets(&self, customer_id: Option<&str>) -> Result<Vec<Asset>> {
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_customer_assets(c, c_ptr(&customer_id), call, &mut out, err)
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

// SAFETY: an owned parameter object; read by one call at a time, freed on any thread.
unsafe impl Send for RawSend {}

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

// SAFETY: an owned parameter object; read by one call at a time, freed on any thread.
unsafe impl Send for RawTxQuery {}

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
    /// - `amount_usd`: the amount to be sent, in US dollars, that the estimate is for; `None` =
    ///   unset
    /// - `asset_id`: the asset to be sent (the fee is charged in it); `None` = unset
    /// - `token_symbol`: the token to be sent, such as USDC; `None` = unset
    /// - `extra_fields`: further body fields, as a JSON object; `None` = unset
    pub fn gas_price(
        &self,
        chain: &str,
        priority: Option<&str>,
        amount_usd: Option<&str>,
        asset_id: Option<&str>,
        token_symbol: Option<&str>,
        extra_fields: Option<&Value>,
    ) -> Result<Value> {
        let chain = c_string(chain, "chain")?;
        let priority = opt_c_string(priority, "priority")?;
        let amount_usd = opt_c_string(amount_usd, "amount usd")?;
        let asset_id = opt_c_string(asset_id, "asset id")?;
        let token_symbol = opt_c_string(token_symbol, "token symbol")?;
        let extra_fields = extra_fields
            .map(|v| c_string(&v.to_string(), "extra fields"))
            .transpose()?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_gas_price(
                c,
                chain.as_ptr(),
                c_ptr(&priority),
                c_ptr(&amount_usd),
                c_ptr(&asset_id),
                c_ptr(&token_symbol),
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

    /// One transaction.
    ///
    /// - `transaction_id`: the transaction's id
    pub fn get(&self, transaction_id: &str) -> Result<Transaction> {
        let transaction_id = c_string(transaction_id, "transaction id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_get_transaction(c, transaction_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Transaction::take(out) })
    }

    /// Cancels a pending transfer: its amount and fee go back to the asset, exactly.
    ///
    /// - `transaction_id`: the transaction's id
    pub fn cancel(&self, transaction_id: &str) -> Result<Value> {
        let transaction_id = c_string(transaction_id, "transaction id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cancel_transaction(c, transaction_id.as_ptr(), call, out, err)
        })
    }

    /// One page of the transactions of one asset, newest first.
    ///
    /// - `asset_id`: the asset's id
    /// - `page`: the page, from 1; unset = the first
    /// - `limit`: items per page, 1..100; unset = the server's default
    pub fn asset_history(
        &self,
        asset_id: &str,
        page: Option<u32>,
        limit: Option<u32>,
    ) -> Result<Vec<Transaction>> {
        let asset_id = c_string(asset_id, "asset id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_asset_history(
                c,
                asset_id.as_ptr(),
                page.unwrap_or(0),
                limit.unwrap_or(0),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Transaction::take_list(out) })
    }
}

resource_handle!(
    /// Totals over your transactions and wallets.
    Analytics
);

impl Analytics<'_> {
    /// Totals over your transactions (counts and exact amounts by status, chain and type).
    pub fn transactions(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_transaction_analytics(c, call, out, err)
        })
    }

    /// The dashboard's totals: accounts, assets, balances and recent activity.
    pub fn dashboard(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_dashboard_analytics(c, call, out, err)
        })
    }
}

/// The parameters of [`AutoForwarding::create`].
#[derive(Clone, Copy, Debug, Default)]
pub struct CreateForwardingRule<'a> {
    /// Where the share goes, checked against the chain
    pub destination_address: &'a str,
    /// The share of each deposit in percent, more than 0 and at most 100
    pub percentage: &'a str,
    /// All_wallets, or specific_wallets with monitored_accounts
    pub monitoring_mode: &'a str,
    /// The asset whose deposits are forwarded
    pub asset_id: &'a str,
    /// The asset's chain
    pub chain: &'a str,
    /// The accounts watched with specific_wallets; empty = unset
    pub monitored_accounts: &'a [&'a str],
    /// Deposits below this are not forwarded; `None` = unset
    pub minimum_amount: Option<&'a str>,
    /// The most forwarded from one deposit; `None` = unset
    pub maximum_amount: Option<&'a str>,
    /// A note kept with the rule; `None` = unset
    pub description: Option<&'a str>,
    /// Whether the rule acts; unset: the server's default (it acts)
    pub enabled: Option<bool>,
    /// Further settings, a JSON object; `None` = unset
    pub settings: Option<&'a Value>,
}

/// The parameters of [`AutoForwarding::update`].
#[derive(Clone, Copy, Debug, Default)]
pub struct UpdateForwardingRule<'a> {
    /// The rule's id
    pub rule_id: &'a str,
    /// Where the share goes; `None` = unset
    pub destination_address: Option<&'a str>,
    /// The share of each deposit in percent; `None` = unset
    pub percentage: Option<&'a str>,
    /// All_wallets or specific_wallets; `None` = unset
    pub monitoring_mode: Option<&'a str>,
    /// The accounts watched with specific_wallets; empty = unset
    pub monitored_accounts: &'a [&'a str],
    /// Deposits below this are not forwarded; `None` = unset
    pub minimum_amount: Option<&'a str>,
    /// The most forwarded from one deposit; `None` = unset
    pub maximum_amount: Option<&'a str>,
    /// A note kept with the rule; `None` = unset
    pub description: Option<&'a str>,
    /// True: the rule acts; false: it is paused; unset: unchanged
    pub enabled: Option<bool>,
    /// Further settings, a JSON object; `None` = unset
    pub settings: Option<&'a Value>,
}

resource_handle!(
    /// Auto-forwarding rules: a share of each deposit to an asset is sent on to an address.
    /// Writes send X-2FA-Token: the call's code or the client's TOTP source.
    AutoForwarding
);

impl AutoForwarding<'_> {
    /// Every auto-forwarding rule.
    pub fn list(&self) -> Result<Vec<AutoForwardingRule>> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_forwarding_rules(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { AutoForwardingRule::take_list(out) })
    }

    /// One auto-forwarding rule.
    ///
    /// - `rule_id`: the rule's id
    pub fn get(&self, rule_id: &str) -> Result<AutoForwardingRule> {
        let rule_id = c_string(rule_id, "rule id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_get_forwarding_rule(c, rule_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { AutoForwardingRule::take(out) })
    }

    /// Creates an auto-forwarding rule.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    pub fn create(&self, params: &CreateForwardingRule<'_>) -> Result<AutoForwardingRule> {
        let destination_address = c_string(params.destination_address, "destination address")?;
        let percentage = c_string(params.percentage, "percentage")?;
        let monitoring_mode = c_string(params.monitoring_mode, "monitoring mode")?;
        let asset_id = c_string(params.asset_id, "asset id")?;
        let chain = c_string(params.chain, "chain")?;
        let monitored_accounts =
            CStringArray::new(params.monitored_accounts, "monitored accounts")?;
        let minimum_amount = opt_c_string(params.minimum_amount, "minimum amount")?;
        let maximum_amount = opt_c_string(params.maximum_amount, "maximum amount")?;
        let description = opt_c_string(params.description, "description")?;
        let settings = params
            .settings
            .map(|v| c_string(&v.to_string(), "settings"))
            .transpose()?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_create_forwarding_rule(
                c,
                destination_address.as_ptr(),
                percentage.as_ptr(),
                monitoring_mode.as_ptr(),
                asset_id.as_ptr(),
                chain.as_ptr(),
                monitored_accounts.as_ptr(),
                monitored_accounts.len(),
                c_ptr(&minimum_amount),
                c_ptr(&maximum_amount),
                c_ptr(&description),
                optional_bool(params.enabled),
                c_ptr(&settings),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { AutoForwardingRule::take(out) })
    }

    /// Changes an auto-forwarding rule: only what is given changes.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    pub fn update(&self, params: &UpdateForwardingRule<'_>) -> Result<AutoForwardingRule> {
        let rule_id = c_string(params.rule_id, "rule id")?;
        let destination_address = opt_c_string(params.destination_address, "destination address")?;
        let percentage = opt_c_string(params.percentage, "percentage")?;
        let monitoring_mode = opt_c_string(params.monitoring_mode, "monitoring mode")?;
        let monitored_accounts =
            CStringArray::new(params.monitored_accounts, "monitored accounts")?;
        let minimum_amount = opt_c_string(params.minimum_amount, "minimum amount")?;
        let maximum_amount = opt_c_string(params.maximum_amount, "maximum amount")?;
        let description = opt_c_string(params.description, "description")?;
        let settings = params
            .settings
            .map(|v| c_string(&v.to_string(), "settings"))
            .transpose()?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_update_forwarding_rule(
                c,
                rule_id.as_ptr(),
                c_ptr(&destination_address),
                c_ptr(&percentage),
                c_ptr(&monitoring_mode),
                monitored_accounts.as_ptr(),
                monitored_accounts.len(),
                c_ptr(&minimum_amount),
                c_ptr(&maximum_amount),
                c_ptr(&description),
                optional_bool(params.enabled),
                c_ptr(&settings),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { AutoForwardingRule::take(out) })
    }

    /// Deletes an auto-forwarding rule.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// - `rule_id`: the rule's id
    pub fn delete(&self, rule_id: &str) -> Result<()> {
        let rule_id = c_string(rule_id, "rule id")?;
        let c = self.client.as_ptr();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_delete_forwarding_rule(c, rule_id.as_ptr(), call, err)
        })
    }
}

/// The parameters of [`CardIssuer::apply`].
#[derive(Clone, Copy, Debug, Default)]
pub struct IssuerApplication<'a> {
    /// How customers' cards are funded (e.g. master_wallet, decentralized)
    pub funding_structure: &'a str,
    /// Whether customers get IBANs too
    pub iban_enabled: bool,
}

resource_handle!(
    /// The card-issuer program: application, master wallets, customer funding (moves value),
    /// deposits and history.
    CardIssuer
);

impl CardIssuer<'_> {
    /// Applies for the card-issuer program.
    pub fn apply(&self, params: &IssuerApplication<'_>) -> Result<Value> {
        let funding_structure = c_string(params.funding_structure, "funding structure")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_apply(
                c,
                funding_structure.as_ptr(),
                params.iban_enabled,
                call,
                out,
                err,
            )
        })
    }

    /// The issuer program: its status, visibility, enabled chains, limits and stats.
    pub fn get_program(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_get_program(c, call, out, err)
        })
    }

    /// The issuer's master wallets and their balances.
    pub fn get_wallets(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_get_wallets(c, call, out, err)
        })
    }

    /// Funds a customer's card from the master wallet. Always carries an Idempotency-Key (the
    /// call's, or one the core generates), returned with the result and on every error: called
    /// again with that key, the funding happens once.
    ///
    /// The [`CardFunding`]'s `idempotency_key` is the key the call carried: the call's, or the
    /// one the core generated.
    ///
    /// - `customer_id`: the customer to fund
    /// - `amount`: the amount, > 0, exact
    /// - `source_chain`: the chain the master wallet pays from: SOL or XDC
    /// - `pricing_mode`: send_x (the amount is sent) or receive_x (the amount arrives); unset =
    ///   the server's default, send_x
    /// - `destination_token`: the token credited, when not the default; `None` = unset
    pub fn fund_customer(
        &self,
        customer_id: &str,
        amount: &str,
        source_chain: &str,
        pricing_mode: Option<&str>,
        destination_token: Option<&str>,
    ) -> Result<CardFunding> {
        let customer_id = c_string(customer_id, "customer id")?;
        let amount = c_string(amount, "amount")?;
        let source_chain = c_string(source_chain, "source chain")?;
        let pricing_mode = opt_c_string(pricing_mode, "pricing mode")?;
        let destination_token = opt_c_string(destination_token, "destination token")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_card_issuer_fund_customer(
                c,
                customer_id.as_ptr(),
                amount.as_ptr(),
                source_chain.as_ptr(),
                c_ptr(&pricing_mode),
                c_ptr(&destination_token),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardFunding::take(out) })
    }

    /// Funds a deposit by hand (an XDC deposit awaiting_manual). Always carries an
    /// Idempotency-Key, returned with the result and on every error: the funding happens once.
    ///
    /// The [`CardFunding`]'s `idempotency_key` is the key the call carried: the call's, or the
    /// one the core generated.
    ///
    /// - `deposit_id`: the deposit's id
    /// - `destination_token`: the token credited, when not the default; `None` = unset
    pub fn trigger_manual_funding(
        &self,
        deposit_id: &str,
        destination_token: Option<&str>,
    ) -> Result<CardFunding> {
        let deposit_id = c_string(deposit_id, "deposit id")?;
        let destination_token = opt_c_string(destination_token, "destination token")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_card_issuer_trigger_manual_funding(
                c,
                deposit_id.as_ptr(),
                c_ptr(&destination_token),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardFunding::take(out) })
    }

    /// A customer's own wallets (decentralized funding).
    ///
    /// - `customer_id`: the customer's id
    pub fn get_customer_wallets(&self, customer_id: &str) -> Result<Value> {
        let customer_id = c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_get_customer_wallets(c, customer_id.as_ptr(), call, out, err)
        })
    }

    /// One page of the issuer's customers.
    ///
    /// - `page`: the page, from 1; unset = the server's default, 1
    /// - `limit`: items per page, 1..100; unset = the server's default, 20
    pub fn list_customers(&self, page: Option<u32>, limit: Option<u32>) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_list_customers(
                c,
                page.unwrap_or(0),
                limit.unwrap_or(0),
                call,
                out,
                err,
            )
        })
    }

    /// The SOL and/or XDC addresses that fund the program (per enabled chain).
    ///
    /// - `customer_id`: a customer's addresses (decentralized funding); unset = the master
    ///   wallet's
    pub fn get_funding_addresses(&self, customer_id: Option<&str>) -> Result<Value> {
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_get_funding_addresses(c, c_ptr(&customer_id), call, out, err)
        })
    }

    /// One page of funding deposits (SOL auto-funding, XDC manual).
    ///
    /// - `page`: the page, from 1; unset = the server's default, 1
    /// - `limit`: items per page, 1..100; unset = the server's default, 20
    /// - `status`: only deposits in this status: pending, auto_funding, awaiting_manual,
    ///   funding, funded, failed; `None` = unset
    /// - `chain`: only deposits on this chain: SOL or XDC; `None` = unset
    pub fn list_deposits(
        &self,
        page: Option<u32>,
        limit: Option<u32>,
        status: Option<&str>,
        chain: Option<&str>,
    ) -> Result<Value> {
        let status = opt_c_string(status, "status")?;
        let chain = opt_c_string(chain, "chain")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_list_deposits(
                c,
                page.unwrap_or(0),
                limit.unwrap_or(0),
                c_ptr(&status),
                c_ptr(&chain),
                call,
                out,
                err,
            )
        })
    }

    /// One page of the funding history.
    ///
    /// - `page`: the page, from 1; unset = the server's default, 1
    /// - `limit`: items per page, 1..100; unset = the server's default, 20
    /// - `status`: only fundings in this status; `None` = unset
    /// - `customer_id`: only this customer's fundings; `None` = unset
    /// - `chain`: only fundings on this chain: SOL or XDC; `None` = unset
    pub fn get_funding_history(
        &self,
        page: Option<u32>,
        limit: Option<u32>,
        status: Option<&str>,
        customer_id: Option<&str>,
        chain: Option<&str>,
    ) -> Result<Value> {
        let status = opt_c_string(status, "status")?;
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let chain = opt_c_string(chain, "chain")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_card_issuer_get_funding_history(
                c,
                page.unwrap_or(0),
                limit.unwrap_or(0),
                c_ptr(&status),
                c_ptr(&customer_id),
                c_ptr(&chain),
                call,
                out,
                err,
            )
        })
    }
}

resource_handle!(
    /// Yativo cards: account onboarding, cards (freeze and unfreeze need 2FA), transactions,
    /// disputes, limits, customers' cards, physical orders and the account's IBAN.
    Cards
);

impl Cards<'_> {
    /// Opens the user's card account; KYC follows.
    ///
    /// - `email`: the holder's e-mail address
    /// - `first_name`: the holder's first name
    /// - `last_name`: the holder's last name
    pub fn onboard(&self, email: &str, first_name: &str, last_name: &str) -> Result<CardAccount> {
        let email = c_string(email, "email")?;
        let first_name = c_string(first_name, "first name")?;
        let last_name = c_string(last_name, "last name")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_onboard(
                c,
                email.as_ptr(),
                first_name.as_ptr(),
                last_name.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardAccount::take(out) })
    }

    /// The card account, with its KYC status.
    pub fn get_kyc_status(&self) -> Result<CardAccount> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_kyc_status(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardAccount::take(out) })
    }

    /// Accepts the card program's terms and conditions.
    pub fn accept_terms(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_accept_terms(c, call, out, err)
        })
    }

    /// Deploys the card wallet (needs KYC approved and the terms accepted).
    pub fn deploy_safe(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_deploy_safe(c, call, out, err)
        })
    }

    /// The user's cards.
    pub fn list(&self) -> Result<Vec<Card>> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_list(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Card::take_list(out) })
    }

    /// Creates a card (needs the card wallet deployed).
    ///
    /// - `card_type`: virtual or physical; `None` = the core's default, `"virtual"`
    /// - `display_name`: the name shown for the card; `None` = unset
    /// - `spending_limit_amount`: a spending limit, exact; `None` = unset
    /// - `spending_limit_frequency`: how often the limit resets (e.g. daily, weekly, monthly);
    ///   `None` = unset
    pub fn create(
        &self,
        card_type: Option<&str>,
        display_name: Option<&str>,
        spending_limit_amount: Option<&str>,
        spending_limit_frequency: Option<&str>,
    ) -> Result<Card> {
        let card_type = opt_c_string(card_type, "card type")?;
        let display_name = opt_c_string(display_name, "display name")?;
        let spending_limit_amount = opt_c_string(spending_limit_amount, "spending limit amount")?;
        let spending_limit_frequency =
            opt_c_string(spending_limit_frequency, "spending limit frequency")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_create(
                c,
                c_ptr(&card_type),
                c_ptr(&display_name),
                c_ptr(&spending_limit_amount),
                c_ptr(&spending_limit_frequency),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Card::take(out) })
    }

    /// Freezes a card: it refuses use until unfrozen. Sends X-2FA-Token.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// - `card_id`: the card's id
    pub fn freeze(&self, card_id: &str) -> Result<Card> {
        let card_id = c_string(card_id, "card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_freeze(c, card_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Card::take(out) })
    }

    /// Unfreezes a frozen card. Sends X-2FA-Token.
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// - `card_id`: the card's id
    pub fn unfreeze(&self, card_id: &str) -> Result<Card> {
        let card_id = c_string(card_id, "card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_unfreeze(c, card_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Card::take(out) })
    }

    /// Voids (cancels) a card for good.
    ///
    /// - `card_id`: the card's id
    pub fn void(&self, card_id: &str) -> Result<Card> {
        let card_id = c_string(card_id, "card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_void(c, card_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Card::take(out) })
    }

    /// Sends the one-time code that set_pin needs.
    ///
    /// - `card_id`: the card's id
    pub fn request_pin_otp(&self, card_id: &str) -> Result<Value> {
        let card_id = c_string(card_id, "card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_request_pin_otp(c, card_id.as_ptr(), call, out, err)
        })
    }

    /// Sets the card's PIN.
    ///
    /// - `card_id`: the card's id
    /// - `otp`: the code from request_pin_otp
    /// - `pin`: the new PIN
    pub fn set_pin(&self, card_id: &str, otp: &str, pin: &str) -> Result<Value> {
        let card_id = c_string(card_id, "card id")?;
        let otp = c_string(otp, "otp")?;
        let pin = c_string(pin, "pin")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_set_pin(
                c,
                card_id.as_ptr(),
                otp.as_ptr(),
                pin.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// A short-lived token for the secure card-details display (safe to repeat: it moves
    /// nothing).
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `card_id`: the card's id
    pub fn get_ephemeral_token(&self, yativo_card_id: &str, card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let card_id = c_string(card_id, "card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_ephemeral_token(
                c,
                yativo_card_id.as_ptr(),
                card_id.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// The card wallet, with its funding wallet when auto-bridge is on.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn get_wallet(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_wallet(c, yativo_card_id.as_ptr(), call, out, err)
        })
    }

    /// The card wallet's deposit address (typically a USDC_SOL collateral wallet).
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn get_funding_address(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_funding_address(c, yativo_card_id.as_ptr(), call, out, err)
        })
    }

    /// A customer card wallet's deposit address.
    ///
    /// - `yativo_card_id`: the customer's card account id
    pub fn get_customer_funding_address(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_customer_funding_address(
                c,
                yativo_card_id.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// The reasons a transaction can be disputed for, with their codes.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn get_dispute_reasons(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_dispute_reasons(c, yativo_card_id.as_ptr(), call, out, err)
        })
    }

    /// Disputes a card transaction.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `transaction_id`: the card transaction's id
    /// - `reason_code`: a code from the dispute reasons
    /// - `description`: what happened, in the holder's words; `None` = unset
    pub fn dispute_transaction(
        &self,
        yativo_card_id: &str,
        transaction_id: &str,
        reason_code: &str,
        description: Option<&str>,
    ) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let transaction_id = c_string(transaction_id, "transaction id")?;
        let reason_code = c_string(reason_code, "reason code")?;
        let description = opt_c_string(description, "description")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_dispute_transaction(
                c,
                yativo_card_id.as_ptr(),
                transaction_id.as_ptr(),
                reason_code.as_ptr(),
                c_ptr(&description),
                call,
                out,
                err,
            )
        })
    }

    /// The dispute reasons for a customer's card.
    ///
    /// - `yativo_card_id`: the customer's card account id
    pub fn get_customer_dispute_reasons(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_customer_dispute_reasons(
                c,
                yativo_card_id.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// Disputes a customer's card transaction.
    ///
    /// - `yativo_card_id`: the customer's card account id
    /// - `transaction_id`: the card transaction's id
    /// - `reason_code`: a code from the dispute reasons
    /// - `description`: what happened, in the holder's words; `None` = unset
    pub fn dispute_customer_transaction(
        &self,
        yativo_card_id: &str,
        transaction_id: &str,
        reason_code: &str,
        description: Option<&str>,
    ) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let transaction_id = c_string(transaction_id, "transaction id")?;
        let reason_code = c_string(reason_code, "reason code")?;
        let description = opt_c_string(description, "description")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_dispute_customer_transaction(
                c,
                yativo_card_id.as_ptr(),
                transaction_id.as_ptr(),
                reason_code.as_ptr(),
                c_ptr(&description),
                call,
                out,
                err,
            )
        })
    }

    /// The spending limits (daily, monthly, per transaction).
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn get_spending_limits(&self, yativo_card_id: &str) -> Result<SpendingLimits> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_spending_limits(
                c,
                yativo_card_id.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { SpendingLimits::take(out) })
    }

    /// Sets the daily spending limit.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `daily_limit`: the new daily limit, exact
    pub fn set_daily_spending_limit(
        &self,
        yativo_card_id: &str,
        daily_limit: &str,
    ) -> Result<SpendingLimits> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let daily_limit = c_string(daily_limit, "daily limit")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_set_daily_spending_limit(
                c,
                yativo_card_id.as_ptr(),
                daily_limit.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { SpendingLimits::take(out) })
    }

    /// A customer card's spending limits.
    ///
    /// - `yativo_card_id`: the customer's card account id
    pub fn get_customer_spending_limits(&self, yativo_card_id: &str) -> Result<SpendingLimits> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_customer_spending_limits(
                c,
                yativo_card_id.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { SpendingLimits::take(out) })
    }

    /// Sets a customer card's daily spending limit.
    ///
    /// - `yativo_card_id`: the customer's card account id
    /// - `daily_limit`: the new daily limit, exact
    pub fn set_customer_daily_spending_limit(
        &self,
        yativo_card_id: &str,
        daily_limit: &str,
    ) -> Result<SpendingLimits> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let daily_limit = c_string(daily_limit, "daily limit")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_set_customer_daily_spending_limit(
                c,
                yativo_card_id.as_ptr(),
                daily_limit.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { SpendingLimits::take(out) })
    }

    /// The card holder's profile (name, address, KYC status...).
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn get_user_profile(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_user_profile(c, yativo_card_id.as_ptr(), call, out, err)
        })
    }

    /// A customer card holder's profile.
    ///
    /// - `yativo_card_id`: the customer's card account id
    pub fn get_customer_profile(&self, yativo_card_id: &str) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_customer_profile(c, yativo_card_id.as_ptr(), call, out, err)
        })
    }

    /// A customer's cards.
    ///
    /// - `customer_id`: the customer's id
    pub fn list_customer_cards(&self, customer_id: &str) -> Result<Vec<Card>> {
        let customer_id = c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_list_customer_cards(c, customer_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Card::take_list(out) })
    }

    /// Creates a card for a customer.
    ///
    /// - `customer_id`: the customer's id
    /// - `card_type`: virtual or physical; `None` = the core's default, `"virtual"`
    pub fn create_customer_card(&self, customer_id: &str, card_type: Option<&str>) -> Result<Card> {
        let customer_id = c_string(customer_id, "customer id")?;
        let card_type = opt_c_string(card_type, "card type")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_create_customer_card(
                c,
                customer_id.as_ptr(),
                c_ptr(&card_type),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Card::take(out) })
    }

    /// A short-lived token for the secure display of a customer card's details.
    ///
    /// - `yativo_card_id`: the customer's card account id
    /// - `card_id`: the card's id
    pub fn get_customer_ephemeral_token(
        &self,
        yativo_card_id: &str,
        card_id: &str,
    ) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let card_id = c_string(card_id, "card id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_get_customer_ephemeral_token(
                c,
                yativo_card_id.as_ptr(),
                card_id.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// Subscribes a URL to the card account's events; answers the subscription id.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `callback_url`: the URL events go to
    /// - `events`: the event types; empty (or empty) = all
    pub fn subscribe_webhook(
        &self,
        yativo_card_id: &str,
        callback_url: &str,
        events: &[&str],
    ) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let callback_url = c_string(callback_url, "callback url")?;
        let events = CStringArray::new(events, "events")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_subscribe_webhook(
                c,
                yativo_card_id.as_ptr(),
                callback_url.as_ptr(),
                events.as_ptr(),
                events.len(),
                call,
                out,
                err,
            )
        })
    }

    /// Ends a card webhook subscription.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `subscription_id`: the subscription's id
    pub fn unsubscribe_webhook(
        &self,
        yativo_card_id: &str,
        subscription_id: &str,
    ) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let subscription_id = c_string(subscription_id, "subscription id")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_unsubscribe_webhook(
                c,
                yativo_card_id.as_ptr(),
                subscription_id.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// A physical card order and where it stands.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `order_id`: the order's id
    pub fn get_physical_card_order_status(
        &self,
        yativo_card_id: &str,
        order_id: &str,
    ) -> Result<CardOrder> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let order_id = c_string(order_id, "order id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_physical_card_order_status(
                c,
                yativo_card_id.as_ptr(),
                order_id.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardOrder::take(out) })
    }

    /// The account's physical card orders.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn list_physical_card_orders(&self, yativo_card_id: &str) -> Result<Vec<CardOrder>> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_list_physical_card_orders(
                c,
                yativo_card_id.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { CardOrder::take_list(out) })
    }

    /// Cancels a physical card order that is not paid or shipped yet.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `order_id`: the order's id
    pub fn cancel_physical_card_order(
        &self,
        yativo_card_id: &str,
        order_id: &str,
    ) -> Result<CardOrder> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let order_id = c_string(order_id, "order id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_cancel_physical_card_order(
                c,
                yativo_card_id.as_ptr(),
                order_id.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardOrder::take(out) })
    }

    /// Pays a physical card order. Always carries an Idempotency-Key (the call's, or one the
    /// core generates), returned with the result and on every error: the payment happens once.
    ///
    /// The [`CardOrderPayment`]'s `idempotency_key` is the key the call carried: the call's, or
    /// the one the core generated.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `order_id`: the order's id
    /// - `payment_data`: the payment, a JSON object sent as the body (e.g. {asset_id, amount})
    pub fn attach_order_payment(
        &self,
        yativo_card_id: &str,
        order_id: &str,
        payment_data: &Value,
    ) -> Result<CardOrderPayment> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let order_id = c_string(order_id, "order id")?;
        let payment_data = c_string(&payment_data.to_string(), "payment data")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_attach_order_payment(
                c,
                yativo_card_id.as_ptr(),
                order_id.as_ptr(),
                payment_data.as_ptr(),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardOrderPayment::take(out) })
    }

    /// Sets a physical card's PIN, encrypted for the card processor.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `card_id`: the card's id
    /// - `encrypted_pin`: the PIN, encrypted
    pub fn set_physical_card_pin(
        &self,
        yativo_card_id: &str,
        card_id: &str,
        encrypted_pin: &str,
    ) -> Result<Value> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let card_id = c_string(card_id, "card id")?;
        let encrypted_pin = c_string(encrypted_pin, "encrypted pin")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_cards_set_physical_card_pin(
                c,
                yativo_card_id.as_ptr(),
                card_id.as_ptr(),
                encrypted_pin.as_ptr(),
                call,
                out,
                err,
            )
        })
    }

    /// Activates an IBAN for the card account.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `kyc_method`: platform_sumsub, user_sumsub or direct_docs
    /// - `sumsub_token`: a SumSub token, to share an existing KYC; `None` = unset
    pub fn activate_iban(
        &self,
        yativo_card_id: &str,
        kyc_method: &str,
        sumsub_token: Option<&str>,
    ) -> Result<IbanStatus> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let kyc_method = c_string(kyc_method, "kyc method")?;
        let sumsub_token = opt_c_string(sumsub_token, "sumsub token")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_activate_iban(
                c,
                yativo_card_id.as_ptr(),
                kyc_method.as_ptr(),
                c_ptr(&sumsub_token),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { IbanStatus::take(out) })
    }

    /// Where the card account's IBAN stands (422 iban_not_activated before activation).
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    pub fn get_iban_status(&self, yativo_card_id: &str) -> Result<IbanStatus> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_iban_status(c, yativo_card_id.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { IbanStatus::take(out) })
    }

    /// One card's transactions, newest first.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `card_id`: the card's id
    /// - `limit`: at most this many; unset = the server's default
    /// - `offset`: how many to skip; `None` = unset
    /// - `status`: only transactions in this status; `None` = unset
    /// - `from_date`: only from this time on (ISO 8601); `None` = unset
    /// - `to_date`: only up to this time (ISO 8601); `None` = unset
    #[allow(clippy::too_many_arguments)]
    pub fn get_transactions(
        &self,
        yativo_card_id: &str,
        card_id: &str,
        limit: Option<u32>,
        offset: Option<u32>,
        status: Option<&str>,
        from_date: Option<&str>,
        to_date: Option<&str>,
    ) -> Result<Vec<CardTransaction>> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let card_id = c_string(card_id, "card id")?;
        let status = opt_c_string(status, "status")?;
        let from_date = opt_c_string(from_date, "from date")?;
        let to_date = opt_c_string(to_date, "to date")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_transactions(
                c,
                yativo_card_id.as_ptr(),
                card_id.as_ptr(),
                limit.unwrap_or(0),
                offset.unwrap_or(0),
                c_ptr(&status),
                c_ptr(&from_date),
                c_ptr(&to_date),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { CardTransaction::take_list(out) })
    }

    /// The transactions of every card of the account, newest first.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `limit`: at most this many; unset = the server's default
    /// - `offset`: how many to skip; `None` = unset
    /// - `status`: only transactions in this status; `None` = unset
    pub fn get_all_transactions(
        &self,
        yativo_card_id: &str,
        limit: Option<u32>,
        offset: Option<u32>,
        status: Option<&str>,
    ) -> Result<Vec<CardTransaction>> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let status = opt_c_string(status, "status")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_get_all_transactions(
                c,
                yativo_card_id.as_ptr(),
                limit.unwrap_or(0),
                offset.unwrap_or(0),
                c_ptr(&status),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { CardTransaction::take_list(out) })
    }

    /// Orders a physical card, shipped to an address.
    ///
    /// - `yativo_card_id`: the card account's id (from onboard)
    /// - `shipping_address`: the address, a JSON object (line1, city, postal_code, country...)
    /// - `personalization`: the name embossed on the card; `None` = unset
    pub fn create_physical_card_order(
        &self,
        yativo_card_id: &str,
        shipping_address: &Value,
        personalization: Option<&str>,
    ) -> Result<CardOrder> {
        let yativo_card_id = c_string(yativo_card_id, "yativo card id")?;
        let shipping_address = c_string(&shipping_address.to_string(), "shipping address")?;
        let personalization = opt_c_string(personalization, "personalization")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_cards_create_physical_card_order(
                c,
                yativo_card_id.as_ptr(),
                shipping_address.as_ptr(),
                c_ptr(&personalization),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { CardOrder::take(out) })
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

    /// One page of your customers, oldest first.
    ///
    /// - `page`: the page, from 1; unset = the first
    /// - `limit`: items per page, 1..100; unset = the server's default
    /// - `search`: only customers whose e-mail or name holds this text; `None` = unset
    /// - `customer_id`: only this customer; `None` = unset
    pub fn list(
        &self,
        page: Option<u32>,
        limit: Option<u32>,
        search: Option<&str>,
        customer_id: Option<&str>,
    ) -> Result<Vec<Customer>> {
        let search = opt_c_string(search, "search")?;
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_list_customers(
                c,
                page.unwrap_or(0),
                limit.unwrap_or(0),
                c_ptr(&search),
                c_ptr(&customer_id),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Customer::take_list(out) })
    }

    /// One page of the transfers from one customer's wallets, newest first.
    ///
    /// - `customer_id`: the customer's id
    /// - `page`: the page, from 1; unset = the first
    /// - `limit`: items per page, 1..100; unset = the server's default
    pub fn get_transactions(
        &self,
        customer_id: &str,
        page: Option<u32>,
        limit: Option<u32>,
    ) -> Result<Vec<Transaction>> {
        let customer_id = c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_customer_transactions(
                c,
                customer_id.as_ptr(),
                page.unwrap_or(0),
                limit.unwrap_or(0),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { Transaction::take_list(out) })
    }
}

resource_handle!(
    /// The standalone IBAN: product options, onboarding, KYC, the IBAN request and its status.
    Iban
);

impl Iban<'_> {
    /// The standalone IBAN product's options.
    pub fn get_options(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_iban_get_options(c, call, out, err)
        })
    }

    /// Starts IBAN onboarding for the user, or for one of its customers.
    ///
    /// - `email`: the holder's e-mail address
    /// - `customer_id`: the customer it is for; unset = the user
    pub fn initialize(&self, email: &str, customer_id: Option<&str>) -> Result<IbanStatus> {
        let email = c_string(email, "email")?;
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_iban_initialize(
                c,
                email.as_ptr(),
                c_ptr(&customer_id),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { IbanStatus::take(out) })
    }

    /// Requests the IBAN once KYC is submitted.
    ///
    /// - `customer_id`: the customer it is for; unset = the user
    pub fn request_iban(&self, customer_id: Option<&str>) -> Result<IbanStatus> {
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_iban_request(c, c_ptr(&customer_id), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { IbanStatus::take(out) })
    }

    /// Submits the holder's KYC data.
    ///
    /// - `kyc`: the KYC payload, a JSON object (name, date of birth, address, documents...)
    /// - `email`: the holder's e-mail address; `None` = unset
    /// - `customer_id`: the customer it is for; unset = the user
    pub fn submit_kyc(
        &self,
        kyc: &Value,
        email: Option<&str>,
        customer_id: Option<&str>,
    ) -> Result<IbanStatus> {
        let kyc = c_string(&kyc.to_string(), "kyc")?;
        let email = opt_c_string(email, "email")?;
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_iban_submit_kyc(
                c,
                kyc.as_ptr(),
                c_ptr(&email),
                c_ptr(&customer_id),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { IbanStatus::take(out) })
    }

    /// Where the IBAN stands.
    ///
    /// - `customer_id`: the customer it is for; unset = the user
    pub fn get_status(&self, customer_id: Option<&str>) -> Result<IbanStatus> {
        let customer_id = opt_c_string(customer_id, "customer id")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_iban_get_status(c, c_ptr(&customer_id), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { IbanStatus::take(out) })
    }
}

resource_handle!(
    /// Session sign-in: registration, e-mailed one-time codes, Google Authenticator, passkeys.
    /// A call that opens a session makes it this client's credential; its tokens stay inside
    /// the client.
    Sessions
);

impl Sessions<'_> {
    /// Registers a user. The answer carries the new user's tokens: the session they open
    /// becomes this client's credential (its tokens stay inside the client), as after
    /// verify_otp.
    ///
    /// - `email`: the user's e-mail address
    /// - `password`: the password, at least 8 characters
    /// - `username`: a user name; `None` = unset
    /// - `first_name`: the first name; `None` = unset
    /// - `last_name`: the last name; `None` = unset
    pub fn register(
        &self,
        email: &str,
        password: &str,
        username: Option<&str>,
        first_name: Option<&str>,
        last_name: Option<&str>,
    ) -> Result<Session> {
        let email = c_string(email, "email")?;
        let password = c_string(password, "password")?;
        let username = opt_c_string(username, "username")?;
        let first_name = opt_c_string(first_name, "first name")?;
        let last_name = opt_c_string(last_name, "last name")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_register_user(
                c,
                email.as_ptr(),
                password.as_ptr(),
                c_ptr(&username),
                c_ptr(&first_name),
                c_ptr(&last_name),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Session::take(out) })
    }

    /// Starts a sign-in: the server e-mails a one-time code (then verify_otp).
    ///
    /// - `email`: the user's e-mail address
    /// - `role`: the role signing in, e.g. User; `None` = unset
    pub fn sign_in(&self, email: &str, role: Option<&str>) -> Result<Value> {
        let email = c_string(email, "email")?;
        let role = opt_c_string(role, "role")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_sign_in(c, email.as_ptr(), c_ptr(&role), call, out, err)
        })
    }

    /// Checks the e-mailed one-time code: the session it opens becomes this client's credential
    /// (its tokens stay inside the client).
    ///
    /// - `otp`: the one-time code
    /// - `email`: the e-mail address it was sent to; `None` = unset
    pub fn verify_otp(&self, otp: &str, email: Option<&str>) -> Result<Session> {
        let otp = c_string(otp, "otp")?;
        let email = opt_c_string(email, "email")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_verify_otp(c, otp.as_ptr(), c_ptr(&email), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Session::take(out) })
    }

    /// E-mails a new one-time code.
    ///
    /// - `email`: the user's e-mail address
    pub fn resend_otp(&self, email: &str) -> Result<Value> {
        let email = c_string(email, "email")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_resend_otp(c, email.as_ptr(), call, out, err)
        })
    }

    /// The Google Authenticator setup of the signed-in user (its secret and QR code while not
    /// enabled).
    pub fn google_auth_details(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_google_auth_details(c, call, out, err)
        })
    }

    /// Enables Google Authenticator for the signed-in user.
    pub fn google_auth_enable(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_google_auth_enable(c, call, out, err)
        })
    }

    /// Checks a Google Authenticator code at sign-in: the session it opens becomes this
    /// client's credential.
    ///
    /// - `code`: the 6-digit code
    /// - `email`: the user's e-mail address; `None` = unset
    pub fn google_auth_verify(&self, code: &str, email: Option<&str>) -> Result<Session> {
        let code = c_string(code, "code")?;
        let email = opt_c_string(email, "email")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_google_auth_verify(c, code.as_ptr(), c_ptr(&email), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Session::take(out) })
    }

    /// The WebAuthn options (challenge, allowed credentials) for a passkey sign-in.
    ///
    /// - `email`: the user's e-mail address
    pub fn passkey_options(&self, email: &str) -> Result<Value> {
        let email = c_string(email, "email")?;
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_passkey_options(c, email.as_ptr(), call, out, err)
        })
    }

    /// Checks a passkey assertion (the authenticator's answer, as JSON): the session it opens
    /// becomes this client's credential.
    ///
    /// - `assertion`: the assertion as the browser gave it: a JSON object (id, rawId, response,
    ///   type, ...), sent as the body
    pub fn passkey_verify(&self, assertion: &Value) -> Result<Session> {
        let assertion = c_string(&assertion.to_string(), "assertion")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_passkey_verify(c, assertion.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Session::take(out) })
    }

    /// Renews the session's access token with its refresh token (both kept inside the client).
    pub fn refresh(&self) -> Result<Session> {
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_refresh_session(c, call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { Session::take(out) })
    }
}

resource_handle!(
    /// Swaps between assets: route catalogue, quotes, execution (moves value, 2FA) and history.
    Swap
);

impl Swap<'_> {
    /// The user's assets that can be swapped.
    pub fn get_assets(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_swap_get_assets(c, call, out, err)
        })
    }

    /// The catalogue of enabled swap routes ({sources: [...]}).
    pub fn get_routes(&self) -> Result<Value> {
        let c = self.client.as_ptr();
        self.client.json_call(self.opts, |call, out, err| unsafe {
            sys::yv_client_swap_get_routes(c, call, out, err)
        })
    }

    /// Asks for a quote (safe to repeat: a quote moves nothing). The body is the caller's
    /// object.
    ///
    /// - `data`: the quote request, e.g. {from_chain, from_ticker, to_chain, to_ticker, amount}
    ///   (amounts as decimal strings)
    pub fn get_quote(&self, data: &Value) -> Result<SwapQuote> {
        let data = c_string(&data.to_string(), "data")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_swap_get_quote(c, data.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { SwapQuote::take(out) })
    }

    /// Executes a quote. Always carries an Idempotency-Key (the call's, or one the core
    /// generates), returned with the result and on every error: called again with that key, the
    /// swap happens once. Sends X-2FA-Token. An expired quote is refused (422 quote_expired).
    ///
    /// Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.
    ///
    /// The [`SwapExecution`]'s `idempotency_key` is the key the call carried: the call's, or
    /// the one the core generated.
    ///
    /// - `data`: the execution request, e.g. {quote_id, from_asset_id, to_address}
    pub fn execute(&self, data: &Value) -> Result<SwapExecution> {
        let data = c_string(&data.to_string(), "data")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_swap_execute(c, data.as_ptr(), call, &mut out, err)
        })?;
        // SAFETY: out is the owned record the call handed over.
        Ok(unsafe { SwapExecution::take(out) })
    }

    /// The swap history, newest first.
    ///
    /// - `limit`: items per page, 1..100; unset = the server's default
    /// - `offset`: how many to skip; `None` = unset
    /// - `status`: only swaps in this status; `None` = unset
    pub fn get_history(
        &self,
        limit: Option<u32>,
        offset: Option<u32>,
        status: Option<&str>,
    ) -> Result<Vec<SwapHistoryItem>> {
        let status = opt_c_string(status, "status")?;
        let c = self.client.as_ptr();
        let mut out = ptr::null_mut();
        self.client.unit_call(self.opts, |call, err| unsafe {
            sys::yv_client_swap_get_history(
                c,
                limit.unwrap_or(0),
                offset.unwrap_or(0),
                c_ptr(&status),
                call,
                &mut out,
                err,
            )
        })?;
        // SAFETY: out is the owned list the call handed over.
        Ok(unsafe { SwapHistoryItem::take_list(out) })
    }
}
// END GENERATED: endpoints
