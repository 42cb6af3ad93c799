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
}

impl Default for HostHandle {
    fn default() -> Self {
        HostHandle(Rc::new(NoHost))
    }
}
