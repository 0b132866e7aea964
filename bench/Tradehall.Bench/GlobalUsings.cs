// The namespaces most files use; a file names only the ones particular to it.
global using System.CommandLine;
global using System.Diagnostics;
global using System.Globalization;
global using System.Net.Sockets;
global using System.Net;
global using System.Text.Json;
global using System.Text;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.Data.Sqlite;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Npgsql;
global using Tradehall.Core.Data;
global using Tradehall.Core.Shared;
global using Tradehall.Web.Hosting;
