"""The annual report's life: justify warnings, finalize (lock), reopen."""
