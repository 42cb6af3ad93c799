//! What the widget needs from the page around it, as a trait: the browser implementation lives
//! in `embed`, tests use a recording fake. Components reach it through a context and call it
//! only from effects and event handlers, never while rendering.

use std::rc::Rc;

use selfcheck_engine::Report;

/// Something the host page may hear about, through DOM events on the element.
#[derive(Clone, Copy, Debug)]
pub enum WidgetEvent<'a> {
    Start,
    Complete(&'a Report),
    Booking(&'a Report),
}

pub trait Host {
    fn emit(&self, event: WidgetEvent<'_>);
    /// Keeps progress for a reload (`Some`) or wipes it (`None`).
    fn save_progress(&self, progress: Option<&str>);
    fn prefers_reduced_motion(&self) -> bool;
    /// Today's date, written for `lang` (for the printed summary).
    fn today(&self, lang: &str) -> String;
    /// Prints the summary alone, not the rest of the page.
    fn print(&self);
    /// The device's date and time as a FHIR `dateTime` with its offset
    /// (`2026-11-29T14:05:09+01:00`): when the results were saved.
    #[cfg(plus)]
    fn now(&self) -> String;
    /// The date of such a `dateTime`, written for `lang`.
    #[cfg(plus)]
    fn date_of(&self, date_time: &str, lang: &str) -> String;
    /// Hands `contents` to the browser as a downloaded file called `name`; nothing is sent.
    #[cfg(plus)]
    fn save_file(&self, name: &str, contents: &str);
    /// Reads a file the visitor chose, in the browser, and calls `done` with its bytes (`None`
    /// if the browser could not read it).
    #[cfg(plus)]
    fn read_file(&self, file: web_sys::File, done: yew::Callback<Option<Vec<u8>>>);
}

/// A cheap, comparable handle to the host, for props and context.
#[derive(Clone)]
pub struct HostHandle(pub Rc<dyn Host>);

impl PartialEq for HostHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for HostHandle {
    type Target = dyn Host;

    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

/// A host that does nothing: server-side rendering and components shown outside a page.
pub struct NoHost;

impl Host for NoHost {
    fn emit(&self, _event: WidgetEvent<'_>) {}
    fn save_progress(&self, _progress: Option<&str>) {}
    fn prefers_reduced_motion(&self) -> bool {
        true
    }
    fn today(&self, _lang: &str) -> String {
        String::new()
    }
    fn print(&self) {}
    #[cfg(plus)]
    fn now(&self) -> String {
        String::new()
    }
    #[cfg(plus)]
    fn date_of(&self, date_time: &str, _lang: &str) -> String {
        date_time.get(..10).unwrap_or_default().to_string()
    }
    #[cfg(plus)]
    fn save_file(&self, _name: &str, _contents: &str) {}
    #[cfg(plus)]
    fn read_file(&self, _file: web_sys::File, _done: yew::Callback<Option<Vec<u8>>>) {}
}

impl Default for HostHandle {
    fn default() -> Self {
        HostHandle(Rc::new(NoHost))
    }
}
