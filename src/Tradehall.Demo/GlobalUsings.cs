// What the demo seeders share: the product's services and data, reached as the site reaches them.
global using Microsoft.AspNetCore.Identity;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Options;
global using Tradehall.Core.Accounts;
global using Tradehall.Core.Data;
global using Tradehall.Core.Marketplace.Listings;
global using Tradehall.Core.Shared;
