// The namespaces most files of every module use; a file names only the ones particular to it.
global using Microsoft.AspNetCore.Http;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using Tradehall.Core.Data;
global using Tradehall.Core.Shared;
