"""What every page shares: security headers, addresses, error pages."""
