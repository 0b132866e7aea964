// The namespaces most page models use; a page names only the ones particular to it.
global using System.Globalization;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.RateLimiting;
global using Microsoft.Extensions.Localization;
global using Microsoft.Extensions.Options;
global using Tradehall.Core.Accounts;
global using Tradehall.Core.Billing;
global using Tradehall.Core.Marketplace;
global using Tradehall.Core.Network;
global using Tradehall.Core.Shared;
